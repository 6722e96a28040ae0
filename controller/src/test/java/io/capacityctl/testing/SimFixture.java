package io.capacityctl.testing;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Planner;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.sim.SimulatedCloud;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link SimulatedCloud} with a capacityctl {@link Reconciler} on it, the way the simulator and
 * the daemon wire them, plus the few moves reconcile tests make: record traffic, add PTs, run a
 * pass, move the clock.
 */
public final class SimFixture {
  /** A Wednesday: no weekly event of the test configs is near. */
  public static final Instant START = Instant.parse("2027-01-06T00:00:00Z");

  /** Minutes of metrics the cloud holds from {@link #START}. */
  public static final int MINUTES = 24 * 60;

  public final CapacityConfig config;
  public final SimulatedCloud cloud;
  public final InMemoryLeaseTable leaseTable = new InMemoryLeaseTable();
  public final InMemoryStateStore state = new InMemoryStateStore(leaseTable);
  public final LeaseManager leases;
  public final RecordingTelemetry telemetry = new RecordingTelemetry();
  public final Reconciler reconciler;

  public SimFixture(CapacityConfig config) {
    this.config = config;
    this.cloud = new SimulatedCloud(config, START, MINUTES);
    this.leases = new LeaseKeeper(leaseTable, Ticker.following(cloud.clock()));
    this.reconciler = reconciler("test", leases, state);
  }

  /** Another controller on the same cloud, state table and lease, with its own holder name. */
  public Reconciler reconciler(String holder) {
    return reconciler(holder, leases, state);
  }

  /**
   * Another controller on the same cloud with a state table and lease of its own (e.g. a
   * misconfigured table name): nothing keeps it from acting at the same time.
   */
  public Reconciler reconcilerOnItsOwnTable(String holder) {
    InMemoryLeaseTable table = new InMemoryLeaseTable();
    return reconciler(
        holder,
        new LeaseKeeper(table, Ticker.following(cloud.clock())),
        new InMemoryStateStore(table));
  }

  private Reconciler reconciler(String holder, LeaseManager leaseManager, StateStore store) {
    return new Reconciler(
        new Planner(config, CapacityCalendar.of(config)),
        cloud.ports(),
        store,
        leaseManager,
        telemetry,
        cloud.clock(),
        holder,
        Duration.ofMinutes(5));
  }

  /** Records {@code tps} of served traffic for {@code model} over minutes [from, to). */
  public SimFixture traffic(String model, int fromMinute, int toMinute, double tps) {
    for (int i = fromMinute; i < toMinute; i++) {
      cloud.metrics().record(model, i, tps * 60, tps * 60 / 1000, 0);
    }
    return this;
  }

  /** Moves the clock to {@code minute} minutes after {@link #START}. */
  public SimFixture at(int minute) {
    cloud.clock().set(START.plus(Duration.ofMinutes(minute)));
    return this;
  }

  public SimFixture advance(Duration d) {
    cloud.clock().advance(d);
    return this;
  }

  public PassReport pass() {
    return reconciler.reconcileOnce();
  }

  /** Buys a PT for {@code model} as an earlier capacityctl pass would have, already in service. */
  public String ownPt(String model, int units) {
    String name = config.aws().ptNamePrefix() + model + "-earlier-" + units;
    ProvisionedThroughput pt =
        cloud
            .bedrock()
            .create(
                new CreatePtRequest(
                    name,
                    modelId(model),
                    units,
                    "token-" + name,
                    Map.of(
                        ProvisionedThroughput.TAG_MANAGED_BY,
                        ProvisionedThroughput.MANAGED_BY_VALUE,
                        ProvisionedThroughput.TAG_CONFIG,
                        config.name(),
                        ProvisionedThroughput.TAG_MODEL,
                        model)));
    cloud.bedrock().completeCreations();
    return pt.arn();
  }

  public String modelId(String model) {
    return config.model(model).modelId();
  }

  /** Every PT of the model, in any state. */
  public List<ProvisionedThroughput> pts(String model) {
    return cloud.bedrock().list(modelId(model));
  }

  /** The routes callers get for {@code model} (draining ones excluded), empty when none. */
  public List<Route> routed(String model) {
    ModelRoutes r =
        cloud
            .routes()
            .read()
            .map(t -> t.models().get(model))
            .orElse(new ModelRoutes("", List.of()));
    return r == null ? List.of() : r.routes().stream().filter(x -> !x.draining()).toList();
  }

  public int routedUnits(String model) {
    return routed(model).stream().mapToInt(Route::units).sum();
  }
}
