package io.capacityctl.sim;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.InMemoryRoutePublisher;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.time.FakeClock;
import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A whole simulated AWS account for one config on one fake clock: the {@link SimulatedCloud}, the
 * state table and lease (in memory), CloudWatch for the controller's own metrics, and a traffic
 * trace that {@link #serveMinute} feeds into CloudWatch. Every mode run with {@code --cloud sim}
 * works on one; sharing one shows that the modes share one lease and one state table.
 */
public final class SimAccount {
  private final CapacityConfig config;
  private final Trace trace;
  private final SimulatedCloud cloud;
  private final InMemoryLeaseTable leaseTable = new InMemoryLeaseTable();
  private final InMemoryStateStore state = new InMemoryStateStore(leaseTable);
  private final LeaseKeeper leases;
  private final SimTelemetry telemetry;
  private final TrafficStep traffic;
  private volatile Exclusive exclusive = Exclusive.IN_MEMORY;

  public SimAccount(CapacityConfig config, Trace trace) {
    this.config = config;
    this.trace = trace;
    this.cloud = new SimulatedCloud(config, trace.start(), trace.minutes());
    this.leases = new LeaseKeeper(leaseTable, Ticker.following(cloud.clock()));
    this.telemetry = new SimTelemetry(cloud.clock());
    this.traffic = new TrafficStep(config, cloud);
  }

  public CapacityConfig config() {
    return config;
  }

  public Trace trace() {
    return trace;
  }

  public SimulatedCloud cloud() {
    return cloud;
  }

  public FakeClock clock() {
    return cloud.clock();
  }

  /**
   * The lease as the controllers of this account see it, one process's rules on the simulated time.
   * A test that runs controllers as separate processes gives each its own keeper over {@link
   * #leaseTable}.
   */
  public LeaseManager leases() {
    return leases;
  }

  /** The lease item every controller of the account shares. */
  public InMemoryLeaseTable leaseTable() {
    return leaseTable;
  }

  public InMemoryStateStore state() {
    return state;
  }

  public SimTelemetry telemetry() {
    return telemetry;
  }

  /**
   * How work on the account is kept apart from other processes working on it. In memory there are
   * none: the work just runs. A sandbox on disk reads the account before and writes it after.
   */
  public interface Exclusive {
    Exclusive IN_MEMORY =
        new Exclusive() {
          @Override
          public <T> T call(Supplier<T> work) {
            return work.get();
          }

          @Override
          public <T> T pause(Supplier<T> work) {
            return work.get();
          }
        };

    /** Runs {@code work} with the account to itself. */
    <T> T call(Supplier<T> work);

    /**
     * Within {@link #call}, runs {@code work} (a prompt, say) while others may use the account; the
     * account is brought up to date afterwards.
     */
    <T> T pause(Supplier<T> work);

    default void run(Runnable work) {
      call(
          () -> {
            work.run();
            return null;
          });
    }
  }

  public Exclusive exclusive() {
    return exclusive;
  }

  /** From now on, work on the account goes through {@code exclusive} (a sandbox on disk). */
  public void guardWith(Exclusive exclusive) {
    this.exclusive = exclusive;
  }

  /** Whether a controller has run passes on it already (each pass publishes its metrics). */
  public boolean controlled() {
    return telemetry.flushes() > 0;
  }

  /** Everything the account holds, as a sandbox keeps it between processes. */
  public record Saved(
      Instant clock,
      SimBedrock.Saved bedrock,
      Map<String, SimMetrics.SavedSeries> metrics,
      SimEcs.Saved ecs,
      InMemoryRoutePublisher.Saved routes,
      Map<String, Double> intentTokens,
      SimTelemetry.Saved telemetry,
      InMemoryLeaseTable.Saved lease,
      InMemoryStateStore.Saved state,
      Map<String, Map<String, ConfigHeartbeat>> heartbeats) {}

  public synchronized Saved save() {
    return new Saved(
        clock().instant(),
        cloud.bedrock().save(),
        cloud.metrics().save(),
        cloud.ecs().save(),
        cloud.routes().save(),
        cloud.intentTokens().save(),
        telemetry.save(),
        leaseTable.save(),
        state.save(),
        cloud.heartbeats().save());
  }

  /** Replaces everything with {@code saved}, in place: graphs built over it keep working. */
  public synchronized void restore(Saved saved) {
    clock().set(saved.clock());
    cloud.bedrock().restore(saved.bedrock());
    cloud.metrics().restore(saved.metrics());
    cloud.ecs().restore(saved.ecs());
    cloud.routes().restore(saved.routes());
    cloud.intentTokens().restore(saved.intentTokens());
    telemetry.restore(saved.telemetry());
    leaseTable.restore(saved.lease());
    state.restore(saved.state());
    cloud.heartbeats().restore(saved.heartbeats());
  }

  /**
   * Moves the clock to the start of trace minute {@code minute} (earlier minutes stay unserved).
   */
  public void jumpTo(int minute) {
    clock().set(trace.minute(minute));
  }

  /**
   * Serves the trace minute the clock is in (PTs routed now take the traffic, CloudWatch records
   * it) and moves the clock to the next minute's start.
   *
   * @return false, doing nothing, once the clock is past the trace
   */
  public synchronized boolean serveMinute() {
    Instant now = clock().instant();
    long minute = Duration.between(trace.start(), now).toMinutes();
    if (now.isBefore(trace.start()) || minute >= trace.minutes()) {
      return false;
    }
    traffic.serve(trace, (int) minute);
    clock().set(trace.minute((int) minute + 1));
    return true;
  }

  /**
   * Runs one pass and puts what it bought in service at once, as an account that has been running
   * would be (the {@link Simulator}'s warm start). Nothing is completed when another controller
   * holds the lease: the account is already running.
   */
  public void warmStart(Reconciler reconciler) {
    if (reconciler.reconcileOnce().outcome() != PassReport.Outcome.SKIPPED_LEASE_HELD) {
      cloud.bedrock().completeCreations();
      cloud.ecs().completeStarts();
    }
  }

  /** One pass then one minute of traffic, {@code minutes} times: the simulator's loop. */
  public void run(Reconciler reconciler, int minutes) {
    for (int i = 0; i < minutes; i++) {
      reconciler.reconcileOnce();
      if (!serveMinute()) {
        return;
      }
    }
  }
}
