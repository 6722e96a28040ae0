package io.capacityctl.health;

import static io.capacityctl.health.HealthFinding.fail;
import static io.capacityctl.health.HealthFinding.ok;
import static io.capacityctl.health.HealthFinding.warn;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.orphans.FleetReport;
import io.capacityctl.planner.DemandHistory;
import io.capacityctl.planner.EcsDecision;
import io.capacityctl.planner.EcsObservation;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.planner.UnitSizing;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.reconcile.Assessment;
import io.capacityctl.reconcile.ModelPool;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.Creation;
import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 15-minute health check shared by the Lambda, the daemon and {@code capacityctl health}: is
 * the capacity that exists what the controller wants, and is a controller alive and succeeding at
 * getting it there? Compares in-service and creating capacity per model and for ECS with the plan,
 * looks for PTs Failed or stuck in Creating, stale metrics, failed last actions, a controller that
 * stopped passing and units billing with no owner, then publishes {@code Healthy} and {@code
 * CapacityMismatch}.
 *
 * <p>A gap between plan and capacity is normal for the minute between a plan change and the pass
 * that acts on it, so a gap alone is a warning; it fails when nothing will close it: no controller
 * is running, or the last action on that target failed (MangaAssist incident 4), or callers are
 * throttled meanwhile.
 */
public final class HealthCheck {
  static final String OBSERVE = "observe";
  static final String CAPACITY = "capacity";
  static final String ECS = "ecs";
  static final String PT = "pt";
  static final String METRICS = "metrics";
  static final String ACTIONS = "actions";
  static final String LEASE = "lease";
  static final String CONTROLLER = "controller";
  static final String ORPHANS = "orphans";
  static final String PROVISIONING = "provisioning";

  /**
   * A removed model's PT this long past its deletion time still bills for nothing: passes run every
   * minute, so the sweep that should have deleted it has failed several times.
   */
  static final Duration OVERDUE = Duration.ofMinutes(5);

  /** A failed action older than this is history: later passes have retried or dropped it. */
  static final Duration ACTION_ERROR_WINDOW = Duration.ofHours(1);

  /**
   * How far back a pass counts as a heartbeat: passes run every minute, and metrics published
   * through EMF reach CloudWatch within a minute or two.
   */
  static final Duration HEARTBEAT_WINDOW = Duration.ofMinutes(5);

  /** Audit entries read to find each target's last action. */
  static final int AUDIT_LOOKBACK = 200;

  private final CapacityConfig config;
  private final Reconciler reconciler;
  private final StateStore state;
  private final LeaseManager leases;
  private final PublishedMetricsApi published;
  private final TelemetrySink telemetry;
  private final Clock clock;

  /**
   * @param reconciler used only to observe and plan ({@link Reconciler#assess}); never acts
   */
  public HealthCheck(
      CapacityConfig config,
      Reconciler reconciler,
      StateStore state,
      LeaseManager leases,
      PublishedMetricsApi published,
      TelemetrySink telemetry,
      Clock clock) {
    this.config = config;
    this.reconciler = reconciler;
    this.state = state;
    this.leases = leases;
    this.published = published;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /** Runs every check and publishes the result; never throws for an unhealthy controller. */
  public HealthReport run() {
    return run(List.of());
  }

  /**
   * As {@link #run()}, with the findings of checks made elsewhere (the configuration's reload),
   * which count towards {@code Healthy} like every other.
   */
  public HealthReport run(List<HealthFinding> more) {
    List<HealthFinding> out = new ArrayList<>(more);
    Assessment a;
    try {
      a = reconciler.assess();
    } catch (CloudException e) {
      out.add(fail(OBSERVE, CONTROLLER, "cannot observe and plan: " + e.getMessage()));
      return publish(new HealthReport(clock.instant(), out));
    }
    Instant now = a.at();
    a.snapshot().problems().forEach(p -> out.add(fail(OBSERVE, CONTROLLER, p)));
    String live = liveController(now, out);
    Map<String, AuditEntry> failedLast = failedLastActions(now, out);
    for (String key : config.modelKeys()) {
      checkModel(key, a, live, failedLast, out);
    }
    if (config.ecs() != null && a.plan().ecs() != null) {
      checkEcs(a, live, failedLast, out);
    }
    checkOrphans(a.fleet(), now, out);
    checkProvisioningLearned(a, out);
    return publish(new HealthReport(now, out));
  }

  private void checkModel(
      String key,
      Assessment a,
      String live,
      Map<String, AuditEntry> failedLast,
      List<HealthFinding> out) {
    ModelConfig m = config.model(key);
    ModelPool pool = a.snapshot().pools().get(key);
    ModelDecision d = a.plan().models().get(key);
    DemandHistory demand = a.snapshot().observation().models().get(key).demand();
    if (pool == null) {
      return; // its PT list failed: reported under observe
    }
    double observed = demand == null ? Double.NaN : demand.recentAt(0);
    double serving = UnitSizing.servingCapacity(m, pool.inServiceUnits());
    boolean throttling = observed > serving;
    String seen =
        String.format(
            "target %d, in service %d, creating %d units",
            d.targetUnits(), pool.inServiceUnits(), pool.creatingUnits());
    int missing = d.targetUnits() - pool.plannedUnits();
    if (missing > 0) {
      String stuck = whyNotClosing(live, failedLast.get(key), throttling, observed, serving);
      out.add(
          stuck != null
              ? fail(CAPACITY, key, seen + ": " + missing + " units short, " + stuck)
              : warn(CAPACITY, key, seen + ": " + catchingUp(live)));
    } else {
      out.add(ok(CAPACITY, key, seen));
      if (throttling) {
        out.add(
            warn(
                CAPACITY,
                key,
                String.format(
                    "throttling: %,.0f tps observed > %,.0f tps serving capacity at target",
                    observed, serving)));
      }
    }
    for (ProvisionedThroughput pt : pool.failed()) {
      out.add(fail(PT, key, pt.arn() + " Failed: " + pt.failureMessage()));
    }
    for (ProvisionedThroughput pt : pool.stuck(m, a.at())) {
      out.add(
          fail(
              PT,
              key,
              String.format(
                  "%s stuck in Creating since %s (more than 2 x provisioningTime %s)",
                  pt.arn(), pt.createdAt(), m.provisioningTime())));
    }
    checkMetrics(key, demand, pool, a.at(), out);
  }

  /**
   * The provisioning time is learned by the passes ({@code reconcile.CreationWatch}); a pass that
   * cannot record a creation only warns, so health names what stayed unrecorded: a creation still
   * watched whose PT is listed InService although it was created more than the stuck limit (2 x
   * provisioningTime) ago — passes run every minute, so they have failed to record it since. A
   * WARN: it costs nothing, and the lead-time figures are then only short of one creation.
   */
  private void checkProvisioningLearned(Assessment a, List<HealthFinding> out) {
    List<Creation> creations;
    try {
      creations = state.creations();
    } catch (RuntimeException e) {
      out.add(
          warn(
              PROVISIONING,
              CONTROLLER,
              "provisioning observations unreadable (" + e.getMessage() + ")"));
      return;
    }
    for (Creation c : creations) {
      ModelPool pool = a.snapshot().pools().get(c.model());
      if (c.done() || pool == null || !config.modelKeys().contains(c.model())) {
        continue;
      }
      Duration limit = config.model(c.model()).provisioningTime().multipliedBy(2);
      boolean inService =
          pool.serving().stream()
              .anyMatch(pt -> pt.arn().equals(c.arn()) && pt.status() == PtStatus.IN_SERVICE);
      if (inService && c.createdAt().plus(limit).isBefore(a.at())) {
        out.add(
            warn(
                PROVISIONING,
                c.model(),
                c.arn()
                    + " is InService but its provisioning time was not learned: the passes could"
                    + " not record it (their warnings say why)"));
      }
    }
  }

  private void checkMetrics(
      String key, DemandHistory demand, ModelPool pool, Instant now, List<HealthFinding> out) {
    Instant newest = demand == null ? null : demand.newestPresent();
    Duration maxAge = config.policy().metricsMaxAge();
    boolean stale = newest == null || newest.plus(Duration.ofMinutes(1)).plus(maxAge).isBefore(now);
    if (!stale) {
      out.add(
          ok(
              METRICS,
              key,
              String.format(
                  "newest minute %s: %,.0f tps",
                  newest,
                  demand.recentAt(
                      (int) Duration.between(newest, demand.lastMinute()).toMinutes()))));
      return;
    }
    String since =
        newest == null ? "no datapoint in the window read" : "newest datapoint " + newest;
    // Bedrock publishes nothing for a minute without invocations, so silence with no units bought
    // may just be no traffic; with units in service the controller is blind to what it pays for.
    out.add(
        pool.inServiceUnits() > 0
            ? fail(
                METRICS,
                key,
                since
                    + " (older than metricsMaxAge "
                    + maxAge
                    + ") while "
                    + pool.inServiceUnits()
                    + " units are in service: the controller holds and cannot trim them")
            : warn(METRICS, key, since + ": no traffic, or metrics missing"));
  }

  private void checkEcs(
      Assessment a, String live, Map<String, AuditEntry> failedLast, List<HealthFinding> out) {
    EcsObservation o = a.snapshot().observation().ecs();
    EcsDecision d = a.plan().ecs();
    if (o == null || o.problem() != null) {
      return; // reported under observe
    }
    String seen =
        String.format(
            "target %d, floor %d, desired %d, running %d tasks",
            d.targetTasks(), o.floor(), o.desired(), o.running());
    int missing = d.targetTasks() - o.floor();
    if (missing > 0) {
      String stuck = whyNotClosing(live, failedLast.get(ECS), false, 0, 0);
      out.add(
          stuck != null
              ? fail(ECS, ECS, seen + ": " + missing + " tasks short, " + stuck)
              : warn(ECS, ECS, seen + ": " + catchingUp(live)));
    } else if (o.running() < o.desired()) {
      out.add(warn(ECS, ECS, seen + ": " + (o.desired() - o.running()) + " tasks starting"));
    } else {
      out.add(ok(ECS, ECS, seen));
    }
    // Incident 4: ECS at 35 tasks while Bedrock stayed at 8 units. Tasks beyond what the planned
    // model capacity plus on-demand can serve only turn into throttled requests.
    double servable = 0;
    for (String key : config.modelKeys()) {
      ModelPool pool = a.snapshot().pools().get(key);
      if (pool == null) {
        return; // unknown Bedrock capacity: reported under observe
      }
      servable += UnitSizing.servingCapacity(config.model(key), pool.plannedUnits());
    }
    double drive = o.desired() * config.ecs().tokensPerSecondPerTask();
    if (drive > servable * (1 + 1e-9) && o.desired() > config.ecs().minTasks()) {
      out.add(
          fail(
              ECS,
              ECS,
              String.format(
                  "ECS ahead of Bedrock: %d tasks drive %,.0f tps, Bedrock units plus on-demand"
                      + " serve %,.0f tps",
                  o.desired(), drive, servable)));
    }
  }

  /**
   * FinOps' question, what bills with no owner: other configurations' fleets no controller claims
   * and this configuration's PTs no model claims. Orphaned units warn (they are never touched, a
   * person decides); a removed model's units still billing well past their deletion time fail (the
   * sweep that should delete them is failing).
   */
  private void checkOrphans(FleetReport fleet, Instant now, List<HealthFinding> out) {
    if (fleet == null || !fleet.listed()) {
      return; // no heartbeats to read, or the PT list failed: reported under observe
    }
    List<FleetReport.Group> groups = fleet.groups(config);
    for (FleetReport.Group g : groups) {
      boolean overdue =
          g.kind() == FleetReport.Kind.RETIRING
              && fleet.retiring().stream()
                  .anyMatch(
                      r -> g.pts().contains(r.pt()) && r.deleteAt().plus(OVERDUE).isBefore(now));
      out.add(
          overdue
              ? fail(ORPHANS, g.target(), g.detail() + ": overdue, its deletion is failing")
              : warn(ORPHANS, g.target(), g.detail()));
    }
    if (groups.isEmpty()) {
      int others = fleet.others().values().stream().mapToInt(List::size).sum();
      out.add(
          ok(
              ORPHANS,
              CONTROLLER,
              "no orphaned or retiring units"
                  + (others == 0
                      ? ""
                      : "; "
                          + others
                          + " PTs of other configurations, all claimed by their controllers")));
    }
  }

  /** Why a capacity gap will not close by itself, or null when a live controller is on it. */
  private static String whyNotClosing(
      String live, AuditEntry lastFailure, boolean throttling, double observed, double serving) {
    if (live == null) {
      return "and no controller is running";
    }
    if (lastFailure != null) {
      return "and the last action on it failed at "
          + lastFailure.at()
          + ": "
          + lastFailure.detail();
    }
    if (throttling) {
      return String.format(
          "and callers are throttled (%,.0f tps observed > %,.0f tps serving capacity)",
          observed, serving);
    }
    return null;
  }

  private static String catchingUp(String live) {
    return "its next pass closes the gap (" + live + " is live)";
  }

  /**
   * The controller's heartbeat: the lease holder (a daemon keeps the lease), or else the last pass
   * that published InServiceUnits within {@link #HEARTBEAT_WINDOW} (a Lambda gives the lease back
   * after each pass). Null, reported as a failure, when neither.
   */
  private String liveController(Instant now, List<HealthFinding> out) {
    try {
      Optional<Lease> lease = leases.current(now);
      if (lease.isPresent()) {
        Lease l = lease.get();
        out.add(
            ok(
                LEASE,
                CONTROLLER,
                "held by "
                    + l.holder()
                    + " (token "
                    + l.fencingToken()
                    + ") until "
                    + l.expiresAt()));
        return l.holder();
      }
      Instant last = lastPass(now);
      if (last != null) {
        out.add(ok(LEASE, CONTROLLER, "free between passes; the last pass published at " + last));
        return "the controller that passed at " + last;
      }
      out.add(
          fail(
              LEASE,
              CONTROLLER,
              "no controller is running: the lease is free and no pass has published "
                  + PublishedMetricsApi.IN_SERVICE_UNITS
                  + " in the last "
                  + HEARTBEAT_WINDOW.toMinutes()
                  + " minutes"));
      return null;
    } catch (CloudException e) {
      out.add(fail(LEASE, CONTROLLER, "cannot tell whether a controller runs: " + e.getMessage()));
      return null;
    }
  }

  /** Start of the newest minute in which a pass published, within the heartbeat window. */
  private Instant lastPass(Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant from = to.minus(HEARTBEAT_WINDOW);
    Instant newest = null;
    for (double[] units :
        published
            .perModel(
                PublishedMetricsApi.IN_SERVICE_UNITS, config.modelKeys(), new TimeRange(from, to))
            .values()) {
      for (int i = units.length - 1; i >= 0; i--) {
        if (!Double.isNaN(units[i])) {
          Instant at = from.plus(Duration.ofMinutes(i));
          newest = newest == null || at.isAfter(newest) ? at : newest;
          break;
        }
      }
    }
    return newest;
  }

  /**
   * Per target, its newest reconcile-pass audit entry when that entry is a failure within {@link
   * #ACTION_ERROR_WINDOW}. Pass entries carry a fencing token; operators' entries carry 0.
   */
  private Map<String, AuditEntry> failedLastActions(Instant now, List<HealthFinding> out) {
    List<AuditEntry> recent;
    try {
      recent = state.recentAudit(AUDIT_LOOKBACK);
    } catch (CloudException e) {
      out.add(fail(ACTIONS, CONTROLLER, "audit log unreadable: " + e.getMessage()));
      return Map.of();
    }
    Map<String, AuditEntry> newest = new HashMap<>();
    for (AuditEntry e : recent) { // oldest first: later entries replace earlier ones
      if (e.fencingToken() > 0) {
        newest.put(e.target(), e);
      }
    }
    Map<String, AuditEntry> failed = new HashMap<>();
    Instant since = now.minus(ACTION_ERROR_WINDOW);
    newest.forEach(
        (target, e) -> {
          if (e.kind().equals("failed") && !e.at().isBefore(since)) {
            failed.put(target, e);
            out.add(fail(ACTIONS, target, "last action failed at " + e.at() + ": " + e.detail()));
          }
        });
    if (failed.isEmpty()) {
      out.add(ok(ACTIONS, CONTROLLER, "no failed last action in the past " + ACTION_ERROR_WINDOW));
    }
    return failed;
  }

  private HealthReport publish(HealthReport report) {
    telemetry.put("Healthy", report.healthy() ? 1 : 0, "None", Map.of());
    telemetry.put("CapacityMismatch", report.capacityMismatches(), "Count", Map.of());
    telemetry.flush();
    return report;
  }
}
