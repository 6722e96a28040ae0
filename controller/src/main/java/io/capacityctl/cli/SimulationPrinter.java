package io.capacityctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.EcsTotals;
import io.capacityctl.sim.ModelTotals;
import io.capacityctl.sim.SimulationResult;
import java.io.PrintWriter;
import java.util.Map;

/** Prints simulation results: one row per policy, then one policy per model; or JSON. */
final class SimulationPrinter {
  private final PrintWriter out;
  private final OutputFormat format;

  SimulationPrinter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  void print(
      CapacityConfig config,
      String trace,
      Map<PolicyName, SimulationResult> results,
      PolicyName detailed) {
    if (format == OutputFormat.JSON) {
      printJson(config, trace, results);
      return;
    }
    SimulationResult any = results.values().iterator().next();
    out.printf(
        "config %s (%s), trace %s, %d minutes%n%n",
        config.name(), config.source(), trace, any.minutes());
    SimulationResult oracle = results.get(PolicyName.ORACLE);
    out.printf(
        "%-16s %13s %8s %13s %11s %11s %7s %8s %9s%n",
        "policy",
        "total $",
        "/oracle",
        "Bedrock $",
        "ECS $",
        "throttled %",
        "waste",
        "actions",
        "ECS short");
    for (Map.Entry<PolicyName, SimulationResult> e : results.entrySet()) {
      SimulationResult r = e.getValue();
      out.printf(
          "%-16s %13s %8s %13s %11s %11.4f %7.3f %8d %9d%n",
          e.getKey(),
          usd(r.totalCostUsd()),
          oracle == null ? "-" : String.format("%.3f", r.totalCostUsd() / oracle.totalCostUsd()),
          usd(r.bedrockCostUsd()),
          usd(r.ecsCostUsd()),
          r.throttledPercent(),
          r.meanWasteRatio(),
          r.scalingActions(),
          r.ecsShortfallMinutes());
    }
    if (results.containsKey(detailed)) {
      out.println();
      printDetail(results.get(detailed));
    }
  }

  private void printDetail(SimulationResult r) {
    out.printf(
        "%-10s %12s %10s %12s %12s %11s %7s %8s%n",
        r.policy(),
        "units $",
        "unit-h",
        "on-demand $",
        "on-demand Mt",
        "throttled %",
        "waste",
        "actions");
    for (Map.Entry<String, ModelTotals> e : r.models().entrySet()) {
      ModelTotals t = e.getValue();
      out.printf(
          "%-10s %12s %10.0f %12s %12.1f %11.4f %7.3f %8d%n",
          e.getKey(),
          usd(t.unitCostUsd()),
          t.unitHours(),
          usd(t.onDemandCostUsd()),
          t.onDemandTokens() / 1e6,
          t.throttledPercent(),
          t.meanWasteRatio(),
          t.scalingActions());
    }
    if (r.ecs() != null) {
      EcsTotals e = r.ecs();
      out.printf(
          "%-10s %12s %10.0f task-h, %d shortfall minutes, %d actions%n",
          "ecs", usd(e.costUsd()), e.taskHours(), e.shortfallMinutes(), e.scalingActions());
    }
    out.printf(
        "%-10s %12s (Bedrock %s, ECS %s), throttled %.4f%%, mean waste %.3f, %d actions%n",
        "total",
        usd(r.totalCostUsd()),
        usd(r.bedrockCostUsd()),
        usd(r.ecsCostUsd()),
        r.throttledPercent(),
        r.meanWasteRatio(),
        r.scalingActions());
    if (r.failedPasses() > 0) {
      out.printf("%d reconcile passes failed%n", r.failedPasses());
    }
  }

  private void printJson(
      CapacityConfig config, String trace, Map<PolicyName, SimulationResult> results) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("config", config.name());
    root.put("trace", trace);
    ObjectNode policies = root.putObject("policies");
    SimulationResult oracle = results.get(PolicyName.ORACLE);
    results.forEach(
        (name, r) -> {
          ObjectNode p = policies.putObject(name.label());
          if (oracle != null) {
            p.put("costVsOracle", r.totalCostUsd() / oracle.totalCostUsd());
          }
          policyJson(p, r);
        });
    out.println(root.toPrettyString());
  }

  private static void policyJson(ObjectNode root, SimulationResult r) {
    root.put("minutes", r.minutes());
    ObjectNode models = root.putObject("models");
    r.models()
        .forEach(
            (k, t) -> {
              ObjectNode m = models.putObject(k);
              m.put("unitCostUsd", round(t.unitCostUsd()));
              m.put("unitHours", round(t.unitHours()));
              m.put("onDemandCostUsd", round(t.onDemandCostUsd()));
              m.put("onDemandTokens", Math.round(t.onDemandTokens()));
              m.put("throttledTokens", Math.round(t.throttledTokens()));
              m.put("throttledPercent", t.throttledPercent());
              m.put("meanWasteRatio", t.meanWasteRatio());
              m.put("scalingActions", t.scalingActions());
            });
    if (r.ecs() != null) {
      ObjectNode e = root.putObject("ecs");
      e.put("costUsd", round(r.ecs().costUsd()));
      e.put("taskHours", round(r.ecs().taskHours()));
      e.put("shortfallMinutes", r.ecs().shortfallMinutes());
      e.put("scalingActions", r.ecs().scalingActions());
    }
    ObjectNode total = root.putObject("total");
    total.put("costUsd", round(r.totalCostUsd()));
    total.put("bedrockCostUsd", round(r.bedrockCostUsd()));
    total.put("ecsCostUsd", round(r.ecsCostUsd()));
    total.put("throttledPercent", r.throttledPercent());
    total.put("meanWasteRatio", r.meanWasteRatio());
    total.put("scalingActions", r.scalingActions());
    total.put("ecsShortfallMinutes", r.ecsShortfallMinutes());
    total.put("failedPasses", r.failedPasses());
  }

  static String usd(double v) {
    return String.format("$%,.2f", v);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
