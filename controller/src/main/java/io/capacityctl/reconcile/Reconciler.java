package io.capacityctl.reconcile;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.tokens.DriftCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reconcile pass — observe, plan, act, then check token drift when the config has intents —
 * shared by every trigger: Lambda tick, Quartz tick, CLI apply and simulator step. Acting requires
 * the lease; planning does not.
 */
public final class Reconciler {
  private final CapacityConfig config;
  private final Policy basePlanner;
  private final CloudPorts cloud;
  private final StateStore state;
  private final LeaseManager leases;
  private final TelemetrySink telemetry;
  private final Clock clock;
  private final String holder;
  private final Duration leaseTtl;
  private final Optional<DriftCheck> drift;
  private final ControlPlaneCalls calls;
  private final ControlPlaneCircuit circuit;
  private final DemandMemory demandMemory = new DemandMemory();
  private List<EventSpec> extraEvents = List.of();
  // Added events the calendar left out (the configuration's rules refuse them): warned every pass.
  private List<String> refusedEvents = List.of();
  private Policy planner;

  public Reconciler(
      Policy planner,
      CloudPorts cloud,
      StateStore state,
      LeaseManager leases,
      TelemetrySink telemetry,
      Clock clock,
      String holder,
      Duration leaseTtl) {
    this(
        planner,
        cloud,
        state,
        leases,
        telemetry,
        clock,
        holder,
        leaseTtl,
        ControlPlaneCircuit.withDefaults());
  }

  /** A reconciler whose control-plane circuit opens and cools down as {@code circuit} says. */
  public Reconciler(
      Policy planner,
      CloudPorts cloud,
      StateStore state,
      LeaseManager leases,
      TelemetrySink telemetry,
      Clock clock,
      String holder,
      Duration leaseTtl,
      ControlPlaneCircuit circuit) {
    this.circuit = circuit;
    this.calls = new ControlPlaneCalls(cloud);
    this.config = planner.config();
    this.basePlanner = planner;
    this.planner = planner;
    this.cloud = cloud;
    this.state = state;
    this.leases = leases;
    this.telemetry = telemetry;
    this.clock = clock;
    this.holder = holder;
    this.leaseTtl = leaseTtl;
    this.drift =
        config.intentsConfig().map(i -> new DriftCheck(i, cloud.intentTokens(), telemetry));
  }

  /** Observes, plans and — holding the lease — applies the plan. */
  public PassReport reconcileOnce() {
    Instant now = clock.instant();
    Optional<Lease> lease = acquire(now);
    if (lease.isEmpty()) {
      String by =
          leases
              .current(now)
              .map(l -> l.holder() + " until " + l.expiresAt())
              .orElse("another controller");
      return new PassReport(
          now,
          PassReport.Outcome.SKIPPED_LEASE_HELD,
          holder,
          0,
          null,
          List.of(),
          List.of(),
          List.of("lease held by " + by));
    }
    if (!circuit.allows(now)) {
      return hold(now, lease.get().fencingToken());
    }
    calls.reset();
    Assessment a = assess(now, calls.ports());
    PassReport applied =
        new Actuator(config, calls, state, telemetry, holder, lease.get().fencingToken())
            .apply(a.plan(), a.snapshot(), now);
    circuit.record(calls.retryableFailure(), now);
    PassReport report =
        circuit.state() == ControlPlaneCircuit.State.OPEN
            ? applied.withWarnings(List.of("next passes hold capacity: " + circuit.describe()))
            : applied;
    // Only the lease holder publishes drift, once per pass, after capacity is settled.
    PassReport withEvents = report.withWarnings(refusedEvents);
    return drift.map(d -> withEvents.withWarnings(d.run(now))).orElse(withEvents);
  }

  /** Observes and plans without acting or taking the lease (CLI {@code plan}, dry runs). */
  public PassReport planOnly() {
    Assessment a = assess();
    return Actuator.dryRun(config, a.plan(), a.snapshot(), a.at(), holder)
        .withWarnings(refusedEvents);
  }

  /** Observes and plans, as a pass would, without acting or taking the lease (status, health). */
  public Assessment assess() {
    return assess(clock.instant());
  }

  /** The control-plane circuit, for status and tests. */
  public ControlPlaneCircuit circuit() {
    return circuit;
  }

  /**
   * A pass with the circuit open: no Bedrock or ECS call at all — not even a read of a struggling
   * API — so capacity stays exactly as it is; the heartbeat and level still go out.
   */
  private PassReport hold(Instant now, long token) {
    telemetry.put("DegradationLevel", DegradationLevel.HOLD.metric(), "None", Map.of());
    telemetry.put("ReconcileErrors", 0, "Count", Map.of());
    telemetry.put("Heartbeat", 1, "Count", Map.of());
    telemetry.flush();
    return new PassReport(
        now,
        PassReport.Outcome.NO_CHANGE,
        holder,
        token,
        null,
        List.of(),
        List.of(),
        List.of("degraded: hold — " + circuit.describe()),
        DegradationLevel.HOLD);
  }

  private Assessment assess(Instant now) {
    return assess(now, cloud);
  }

  private Assessment assess(Instant now, CloudPorts ports) {
    Snapshot snapshot =
        new Observer(config, ports, state, planner.historyWindow(), demandMemory).observe(now);
    Plan plan = currentPlanner().plan(snapshot.observation(), overrides(now), now);
    return new Assessment(now, snapshot, plan);
  }

  /** Gives the lease up (graceful shutdown). */
  public void releaseLease() {
    leases
        .current(clock.instant())
        .filter(l -> l.holder().equals(holder))
        .ifPresent(leases::release);
  }

  private Optional<Lease> acquire(Instant now) {
    Optional<Lease> held = leases.current(now).filter(l -> l.holder().equals(holder));
    if (held.isPresent() && leases.renew(held.get(), now, leaseTtl)) {
      return leases.current(now).filter(l -> l.holder().equals(holder));
    }
    return leases.tryAcquire(holder, now, leaseTtl);
  }

  private List<CapacityOverride> overrides(Instant now) {
    return state.activeOverrides(now);
  }

  /** Operators' one-off events are merged into the file's calendar; re-plan when they change. */
  private Policy currentPlanner() {
    List<EventSpec> extra = state.extraEvents();
    if (basePlanner instanceof Planner && !extra.equals(extraEvents)) {
      extraEvents = List.copyOf(extra);
      CapacityCalendar calendar = CapacityCalendar.of(config).withExtraEvents(extra);
      refusedEvents = calendar.refusedEvents();
      planner = extra.isEmpty() ? basePlanner : new Planner(config, calendar);
    }
    return planner;
  }
}
