package io.capacityctl.incidents;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthCheck;
import io.capacityctl.health.HealthReport;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.InMemoryRoutePublisher;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimulatedCloud;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TrafficStep;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * Drives a simulated account minute by minute the way production runs it: a reconcile pass, the
 * 15-minute health check when one is due, then one minute of the trace served through {@link
 * TrafficStep}. Incident tests inject a fault, step, and read what each minute did.
 */
final class Drill {
  /** The health check's schedule, as the Lambda and the daemon run it. */
  static final int HEALTH_EVERY = 15;

  /** A Wednesday, 00:00 UTC: no weekly event of the test configs is near. */
  static final Instant START = Instant.parse("2027-01-06T00:00:00Z");

  final SimAccount account;
  final Reconciler reconciler;
  private final TrafficStep traffic;
  private final HealthCheck health;
  private final List<Minute> minutes = new ArrayList<>();

  /**
   * What happened in one trace minute.
   *
   * @param health null when no check was due
   * @param ecsDesired the ECS service's desired count after the pass
   */
  record Minute(
      int minute,
      PassReport pass,
      HealthReport health,
      int ecsDesired,
      Map<String, TrafficStep.Served> served) {

    double throttled(String model) {
      return served.get(model).throttled();
    }
  }

  /** capacityctl's planner in control. */
  Drill(CapacityConfig config, Trace trace) {
    this(config, trace, new Planner(config, CapacityCalendar.of(config)));
  }

  /** {@code policy} in control (e.g. a baseline the incident happened under). */
  Drill(CapacityConfig config, Trace trace, Policy policy) {
    this.account = new SimAccount(config, trace);
    this.reconciler =
        new Reconciler(
            policy,
            account.cloud().ports(),
            account.state(),
            account.leases(),
            account.telemetry(),
            account.clock(),
            "daemon:drill",
            LeaseTerms.DEFAULT_TTL);
    this.traffic = new TrafficStep(config, account.cloud());
    this.health =
        new HealthCheck(
            config,
            SimAccounts.reconciler(account, "health"),
            account.state(),
            account.leases(),
            account.telemetry(),
            account.telemetry(),
            account.clock());
  }

  /** A trace of {@code minutes} minutes from {@link #START} for one model. */
  static Trace trace(int minutes, String model, IntToDoubleFunction tps) {
    return trace(START, minutes, model, tps);
  }

  /** A trace of {@code minutes} minutes from {@code start} for one model. */
  static Trace trace(Instant start, int minutes, String model, IntToDoubleFunction tps) {
    double[] d = new double[minutes];
    for (int i = 0; i < minutes; i++) {
      d[i] = tps.applyAsDouble(i);
    }
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put(model, d);
    return new Trace(start, minutes, demand);
  }

  /**
   * Starts at trace minute 0 as an account that has been running (the first pass's purchases are in
   * service), then steps {@code minutes} minutes so the controller has a history to plan from.
   */
  Drill warmUp(int minutes) {
    account.jumpTo(0);
    account.warmStart(reconciler);
    run(minutes);
    return this;
  }

  /**
   * Another controller on the drill's account, with its lease and state, seeing Bedrock through
   * {@code pt} (a fault wrapped around the account's own).
   */
  Reconciler controller(String holder, ProvisionedThroughputApi pt) {
    CapacityConfig c = account.config();
    SimulatedCloud cloud = account.cloud();
    return new Reconciler(
        new Planner(c, CapacityCalendar.of(c)),
        new CloudPorts(pt, cloud.metrics(), cloud.ecs(), cloud.routes()),
        account.state(),
        account.leases(),
        account.telemetry(),
        account.clock(),
        holder,
        LeaseTerms.DEFAULT_TTL);
  }

  /**
   * A controller of {@code config} on the drill's account. With {@code sameTable} it shares the
   * account's state table, lease and routing parameter (the same configuration, reloaded after an
   * edit); without, it has its own (a configuration of another name: they default per name).
   */
  Controller controller(CapacityConfig config, String holder, boolean sameTable) {
    InMemoryLeaseTable table = sameTable ? account.leaseTable() : new InMemoryLeaseTable();
    LeaseManager leases =
        sameTable ? account.leases() : new LeaseKeeper(table, Ticker.following(account.clock()));
    InMemoryStateStore state = sameTable ? account.state() : new InMemoryStateStore(table);
    InMemoryRoutePublisher routes =
        sameTable ? account.cloud().routes() : new InMemoryRoutePublisher();
    CloudPorts ports = account.cloud().ports(routes);
    Planner planner = new Planner(config, CapacityCalendar.of(config));
    return new Controller(
        reconciler(planner, ports, state, leases, holder, LeaseTerms.DEFAULT_TTL),
        new HealthCheck(
            config,
            reconciler(planner, ports, state, leases, "health", Duration.ZERO),
            state,
            leases,
            account.telemetry(),
            account.telemetry(),
            account.clock()),
        routes);
  }

  private Reconciler reconciler(
      Planner planner,
      CloudPorts ports,
      InMemoryStateStore state,
      LeaseManager leases,
      String holder,
      Duration ttl) {
    return new Reconciler(
        planner, ports, state, leases, account.telemetry(), account.clock(), holder, ttl);
  }

  /** A controller's passes, its health check and the routing table it publishes. */
  record Controller(Reconciler passes, HealthCheck health, InMemoryRoutePublisher routes) {}

  /** The trace minute the clock is in: the next {@link #step} runs in it. */
  int now() {
    return (int) Duration.between(account.trace().start(), account.clock().instant()).toMinutes();
  }

  Minute step() {
    return step(reconciler::reconcileOnce);
  }

  /** Steps one minute with {@code passes} (one pass or several racing) instead of the default. */
  Minute step(Supplier<PassReport> passes) {
    int m = now();
    PassReport pass = passes.get();
    int ecsDesired = account.cloud().ecs().desired();
    HealthReport h = m % HEALTH_EVERY == 0 ? health.run() : null;
    Map<String, TrafficStep.Served> served = traffic.serve(account.trace(), m);
    account.clock().set(account.trace().minute(m + 1));
    Minute out = new Minute(m, pass, h, ecsDesired, served);
    minutes.add(out);
    return out;
  }

  /** Steps {@code n} minutes; returns them. */
  List<Minute> run(int n) {
    List<Minute> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(step());
    }
    return out;
  }

  /** The minute stepped last. */
  Minute last() {
    return minutes.get(minutes.size() - 1);
  }

  /** Every minute stepped so far, from {@code from} on. */
  List<Minute> since(int from) {
    return minutes.stream().filter(x -> x.minute() >= from).toList();
  }
}
