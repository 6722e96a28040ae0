package io.capacityctl.reconcile;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.leadtime.LongestProvisioning;
import io.capacityctl.orphans.FleetReport;
import io.capacityctl.orphans.OrphanScan;
import io.capacityctl.orphans.OrphanSweep;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.state.CircuitState;
import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.tokens.DriftCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reconcile pass — observe, plan, act, sweep orphans, learn the provisioning time from our
 * creations ({@link CreationWatch}), then check token drift when the config has intents — shared by
 * every trigger: Lambda tick, Quartz tick, CLI apply and simulator step. Acting requires the lease;
 * planning does not.
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
  private final LongestProvisioning longestProvisioning = new LongestProvisioning();
  private final CreationWatch creationWatch;
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
    this.creationWatch = new CreationWatch(state);
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
    return pass(null);
  }

  /**
   * Runs exactly the commands {@code shown} (computed by {@link #commands}, shown and confirmed),
   * holding the lease, once a fresh look at the cloud commands the same; otherwise runs nothing and
   * returns {@link PassReport.Outcome#REFUSED} with what moved in between as its warnings.
   */
  public PassReport apply(Commands shown) {
    return pass(shown);
  }

  /** What a pass would do now, computed once, without acting or taking the lease. */
  public Commands commands() {
    return Commands.of(config, assess());
  }

  private PassReport pass(Commands shown) {
    Instant now = clock.instant();
    Optional<Lease> lease = leases.tryAcquire(holder, now, leaseTtl);
    if (lease.isEmpty()) {
      return skipped(now);
    }
    long token = lease.get().fencingToken();
    List<String> circuitProblems = new ArrayList<>();
    CircuitState before = restoreCircuit(circuitProblems);
    if (!circuit.allows(now)) {
      return hold(now, token).withWarnings(circuitProblems);
    }
    calls.reset();
    Assessment a = assess(now, calls.ports());
    Commands commands = Commands.of(config, a);
    PassReport applied;
    List<String> moved = shown == null ? List.of() : commands.movedSince(shown);
    if (!moved.isEmpty()) {
      applied = refused(a, token, moved);
    } else {
      if (shown != null) {
        commands = new Commands(a, shown.models(), shown.ecs()); // exactly what was shown
      }
      Fence fence = new Fence(leases, lease.get());
      applied =
          sweep(
              a,
              fence,
              now,
              new Actuator(config, calls, state, telemetry, holder, fence)
                  .apply(commands, a.snapshot(), now));
    }
    // After acting, never before: learning the provisioning time must not delay a purchase.
    applied = applied.withWarnings(creationWatch.record(a.snapshot(), a.at(), token));
    circuit.record(calls.retryableFailure(), now);
    saveCircuit(before, token, circuitProblems);
    PassReport report =
        circuit.state() == ControlPlaneCircuit.State.OPEN
            ? applied.withWarnings(List.of("next passes hold capacity: " + circuit.describe()))
            : applied;
    report = report.withWarnings(circuitProblems);
    // Only the lease holder publishes drift, once per pass, after capacity is settled.
    PassReport withEvents = report.withWarnings(refusedEvents);
    return drift.map(d -> withEvents.withWarnings(d.run(now))).orElse(withEvents);
  }

  private PassReport refused(Assessment a, long token, List<String> moved) {
    List<String> why = new ArrayList<>();
    why.add("not applied: the state moved between the plan shown and now");
    moved.forEach(m -> why.add("moved: " + m));
    return new PassReport(
        a.at(),
        PassReport.Outcome.REFUSED,
        holder,
        token,
        a.plan(),
        List.of(),
        List.of(),
        why,
        DegradationLevel.ofPass(false, a.snapshot().observation(), config, a.at()));
  }

  private PassReport skipped(Instant now) {
    String by =
        leases
            .current(now)
            .map(l -> l.holder() + " until " + l.expiresAt())
            .orElse(
                "a controller that has not given it back (taken over once it has stayed unchanged"
                    + " for its TTL, "
                    + leaseTtl.toMinutes()
                    + "m or more, by this process's clock)");
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

  /**
   * The circuit as the last pass left it, from the state table (whichever process ran that pass: a
   * Lambda invocation, a cold start, the daemon). When it cannot be read, this process's own memory
   * of it stands, and the pass says so.
   */
  private CircuitState restoreCircuit(List<String> problems) {
    try {
      circuit.restore(state.circuit());
    } catch (RuntimeException e) {
      problems.add(
          "control-plane circuit unreadable, this process's own kept (" + e.getMessage() + ")");
    }
    return circuit.snapshot();
  }

  /** Keeps the circuit for the next pass, under the lease, when this pass changed it. */
  private void saveCircuit(CircuitState before, long token, List<String> problems) {
    CircuitState after = circuit.snapshot();
    if (after.equals(before)) {
      return;
    }
    try {
      state.saveCircuit(after, token);
    } catch (RuntimeException e) {
      problems.add("control-plane circuit not saved (" + e.getMessage() + ")");
    }
  }

  /** Observes and plans without acting or taking the lease (CLI {@code plan}, dry runs). */
  public PassReport planOnly() {
    return dryRun(commands());
  }

  /**
   * How {@code commands} are shown: the plan, what would be done and what the orphan sweep would
   * delete, without doing it.
   */
  public PassReport dryRun(Commands commands) {
    PassReport would = Actuator.dryRun(config, commands, holder).withWarnings(refusedEvents);
    FleetReport fleet = commands.basis().fleet();
    return fleet == null ? would : merge(would, OrphanSweep.dryRun(config, fleet));
  }

  /**
   * The orphan sweep, after the plan is applied and under the same lease ({@code fence}): deletes
   * this configuration's PTs no model claims once their grace is over, claims the configuration for
   * other controllers to see, publishes OrphanedUnits (package {@code orphans}).
   */
  private PassReport sweep(Assessment a, Fence fence, Instant now, PassReport applied) {
    if (a.fleet() == null) {
      return applied;
    }
    return merge(
        applied,
        new OrphanSweep(
                config,
                calls.ports().bedrock(),
                cloud.heartbeats(),
                state,
                telemetry,
                holder,
                fence.token(),
                fence::check,
                leaseTtl)
            .run(a.fleet(), now));
  }

  private static PassReport merge(PassReport report, OrphanSweep.Result swept) {
    return report.withSweep(
        swept.actions(),
        swept.failures().stream()
            .map(f -> new PassReport.Failure(f.step(), f.kind(), f.awsAction(), f.message()))
            .toList(),
        swept.warnings());
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
        new Observer(
                config, ports, state, planner.historyWindow(), demandMemory, longestProvisioning)
            .observe(now);
    Plan plan = currentPlanner().plan(snapshot.observation(), overrides(now), now);
    FleetReport fleet =
        ports.heartbeats() == null
            ? null
            : new OrphanScan(config, ports.heartbeats()).scan(snapshot.fleet(), now);
    return new Assessment(now, snapshot, plan, fleet);
  }

  /** Gives the lease up (graceful shutdown, the end of a Lambda or CLI pass). */
  public void releaseLease() {
    leases.heldBy(holder).ifPresent(leases::release);
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
