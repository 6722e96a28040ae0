package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.leadtime.LeadCost;
import io.capacityctl.leadtime.LeadTimes;
import io.capacityctl.leadtime.ProvisioningObserved;
import io.capacityctl.operator.Overrides;
import io.capacityctl.orphans.FleetReport;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.DemandHistory;
import io.capacityctl.planner.EcsDecision;
import io.capacityctl.planner.EcsObservation;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.reconcile.Assessment;
import io.capacityctl.reconcile.ModelPool;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.Lease;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code capacityctl status}: per model target, in service, creating, routing table, observed TPS
 * and waste ratio; ECS; active overrides; the lease; the last actions; orphaned and retiring units.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show capacity per model and for ECS, overrides, the lease and the last actions.")
final class StatusCommand extends GraphCommand {
  static final int LAST_ACTIONS = 10;

  StatusCommand(CliEnvironment env) {
    super(env);
  }

  /** One model's capacity now. */
  record ModelStatus(
      String model,
      int targetUnits,
      int inServiceUnits,
      int creatingUnits,
      int drainingUnits,
      int committedUnits,
      List<Route> routes,
      Double observedTps,
      double provisionedTps,
      Double wasteRatio,
      String reason,
      ProvisioningObserved provisioning,
      List<LeadCost> leadTimes) {}

  /** The ECS service now. */
  record EcsStatus(int targetTasks, int floor, int desired, int running, String reason) {}

  /**
   * The PTs capacityctl bought that this configuration's models do not count.
   *
   * @param orphanedUnits units nobody manages or removes (the {@code OrphanedUnits} metric)
   * @param retiringUnits this configuration's units no model claims, deleted after the grace
   * @param groups one line per group of retiring, orphaned or unknown PTs
   * @param otherConfigurations units of other configurations whose controllers are alive
   */
  record FleetStatus(
      int orphanedUnits,
      double orphanedHourlyUsd,
      int retiringUnits,
      List<String> groups,
      Map<String, Integer> otherConfigurations) {

    static FleetStatus of(CapacityConfig config, FleetReport f) {
      Map<String, Integer> others = new LinkedHashMap<>();
      f.others()
          .forEach(
              (c, pts) ->
                  others.put(c, pts.stream().mapToInt(ProvisionedThroughput::modelUnits).sum()));
      return new FleetStatus(
          f.orphanedUnits(), f.orphanedHourlyUsd(), f.retiringUnits(), f.warnings(config), others);
    }
  }

  /** Everything status shows. */
  record Status(
      Instant at,
      String config,
      List<ModelStatus> models,
      EcsStatus ecs,
      Lease lease,
      List<CapacityOverride> overrides,
      List<AuditEntry> lastActions,
      FleetStatus fleet,
      List<String> problems) {}

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    Assessment a = graph.reconcilers().observer().assess();
    LeadTimes leadTimes = LeadTimes.of(config, graph.state(), a.at());
    List<String> problems = new ArrayList<>(a.snapshot().problems());
    problems.addAll(leadTimes.problems());
    List<ModelStatus> models = new ArrayList<>();
    for (String key : config.modelKeys()) {
      models.add(model(config.model(key), a, leadTimes.models().get(key)));
    }
    EcsStatus ecs = null;
    EcsObservation o = a.snapshot().observation().ecs();
    EcsDecision d = a.plan().ecs();
    if (o != null && d != null) {
      ecs = new EcsStatus(d.targetTasks(), o.floor(), o.desired(), o.running(), d.reason());
    }
    Status s =
        new Status(
            a.at(),
            config.name(),
            models,
            ecs,
            graph.leases().current(a.at()).orElse(null),
            graph.state().activeOverrides(a.at()),
            graph.state().recentAudit(LAST_ACTIONS),
            a.fleet() == null || !a.fleet().listed() ? null : FleetStatus.of(config, a.fleet()),
            problems);
    if (json()) {
      Json.print(out, s);
    } else {
      print(out, s);
    }
    return s.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  private static ModelStatus model(ModelConfig m, Assessment a, LeadTimes.Model leadTime) {
    ModelDecision d = a.plan().models().get(m.key());
    ModelPool pool = a.snapshot().pools().get(m.key());
    DemandHistory demand = a.snapshot().observation().models().get(m.key()).demand();
    Double observed = null;
    if (demand != null && demand.newestPresent() != null) {
      observed =
          demand.recentAt(
              (int) Duration.between(demand.newestPresent(), demand.lastMinute()).toMinutes());
    }
    int inService = pool == null ? 0 : pool.inServiceUnits();
    double provisioned = inService * m.tokensPerSecondPerUnit();
    Double waste =
        observed == null || provisioned <= 0
            ? null
            : 1 - Math.min(observed, provisioned) / provisioned;
    ModelRoutes routes =
        a.snapshot().previousRoutes() == null
            ? null
            : a.snapshot().previousRoutes().models().get(m.key());
    return new ModelStatus(
        m.key(),
        d.targetUnits(),
        inService,
        pool == null ? 0 : pool.creatingUnits(),
        pool == null ? 0 : pool.drainingUnits(),
        pool == null ? 0 : pool.committedUnits(),
        routes == null ? List.of() : routes.routes(),
        observed,
        provisioned,
        waste,
        d.reason(),
        leadTime.provisioning(),
        leadTime.leadTimes());
  }

  private static void print(PrintWriter out, Status s) {
    out.printf("config %s at %s%n%n", s.config(), s.at());
    out.printf(
        "%-8s %6s %10s %8s %8s %6s %12s %12s %6s%n",
        "model",
        "target",
        "in service",
        "creating",
        "draining",
        "routes",
        "observed tps",
        "provisioned",
        "waste");
    for (ModelStatus m : s.models()) {
      out.printf(
          "%-8s %6d %10d %8d %8d %6d %12s %12.0f %6s%n",
          m.model(),
          m.targetUnits(),
          m.inServiceUnits(),
          m.creatingUnits(),
          m.drainingUnits(),
          m.routes().size(),
          m.observedTps() == null ? "-" : String.format("%.0f", m.observedTps()),
          m.provisionedTps(),
          m.wasteRatio() == null ? "-" : String.format("%.0f%%", m.wasteRatio() * 100));
    }
    for (ModelStatus m : s.models()) {
      out.printf("  %s: %s%n", m.model(), m.reason());
      out.printf("    %s%n", m.provisioning().describe());
      m.leadTimes().forEach(c -> out.printf("    lead time: %s%n", c.describe()));
      m.routes()
          .forEach(
              r ->
                  out.printf(
                      "    route %s %d units%s%n",
                      r.arn(),
                      r.units(),
                      r.draining() ? " (draining since " + r.drainingSince() + ")" : ""));
    }
    if (s.ecs() != null) {
      EcsStatus e = s.ecs();
      out.printf(
          "%necs: target %d, floor %d, desired %d, running %d: %s%n",
          e.targetTasks(), e.floor(), e.desired(), e.running(), e.reason());
    }
    out.printf(
        "%nlease: %s%n",
        s.lease() == null
            ? "free (no controller running)"
            : s.lease().holder()
                + " (token "
                + s.lease().fencingToken()
                + ") until "
                + s.lease().expiresAt());
    out.println("overrides:" + (s.overrides().isEmpty() ? " none" : ""));
    s.overrides()
        .forEach(o -> out.printf("  %s by %s: %s%n", Overrides.describe(o), o.who(), o.reason()));
    out.println("last actions:" + (s.lastActions().isEmpty() ? " none" : ""));
    s.lastActions()
        .forEach(
            e ->
                out.printf(
                    "  %s %s %s %s: %s%n", e.at(), e.actor(), e.kind(), e.target(), e.detail()));
    if (s.fleet() != null) {
      FleetStatus f = s.fleet();
      out.printf(
          "fleet: %d orphaned units ($%.2f/h), %d retiring%s%n",
          f.orphanedUnits(),
          f.orphanedHourlyUsd(),
          f.retiringUnits(),
          f.otherConfigurations().isEmpty()
              ? ""
              : "; other configurations (alive): " + describe(f.otherConfigurations()));
      f.groups().forEach(g -> out.println("  " + g));
    }
    if (!s.problems().isEmpty()) {
      out.println("problems:");
      s.problems().forEach(p -> out.println("  " + p));
    }
  }

  private static String describe(Map<String, Integer> unitsByConfig) {
    List<String> parts = new ArrayList<>();
    unitsByConfig.forEach(
        (c, units) -> parts.add(c + " " + units + (units == 1 ? " unit" : " units")));
    return String.join(", ", parts);
  }
}
