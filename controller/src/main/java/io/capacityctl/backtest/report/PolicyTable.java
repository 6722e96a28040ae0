package io.capacityctl.backtest.report;

import static io.capacityctl.backtest.Figures.throttledPercent;
import static io.capacityctl.backtest.Figures.usd;
import static io.capacityctl.backtest.Figures.vsOracle;

import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.ModelTotals;
import io.capacityctl.sim.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's static tables of policies, so the figures read without script. */
final class PolicyTable {
  private PolicyTable() {}

  /**
   * One row per policy with the CLI table's columns.
   *
   * @param charted policies drawn below the table; their rows are marked
   */
  static String html(Map<PolicyName, SimulationResult> results, List<PolicyName> charted) {
    SimulationResult oracle = results.get(PolicyName.ORACLE);
    HtmlTable t =
        new HtmlTable(
            "policies",
            List.of(
                "policy",
                "total $",
                "cost / oracle",
                "Bedrock $",
                "ECS $",
                "throttled %",
                "waste",
                "actions",
                "ECS shortfall min"));
    for (Map.Entry<PolicyName, SimulationResult> e : results.entrySet()) {
      SimulationResult r = e.getValue();
      t.row(
          e.getKey().label(),
          charted.contains(e.getKey()),
          List.of(
              e.getKey().label(),
              usd(r.totalCostUsd()),
              vsOracle(r, oracle),
              usd(r.bedrockCostUsd()),
              usd(r.ecsCostUsd()),
              throttledPercent(r.throttledPercent()),
              fmt("%.3f", r.meanWasteRatio()),
              Integer.toString(r.scalingActions()),
              Integer.toString(r.ecsShortfallMinutes())));
    }
    return t.html();
  }

  /**
   * Cost and throttled share per model and policy: the figures each model's charts sum up to, so a
   * small model's cost is not lost in the total.
   */
  static String perModel(
      Map<PolicyName, SimulationResult> results, List<String> models, List<PolicyName> charted) {
    List<String> headers = new ArrayList<>(List.of("policy"));
    for (String m : models) {
      headers.add(m + " $");
      headers.add(m + " throttled %");
    }
    boolean ecs = results.values().stream().anyMatch(r -> r.ecs() != null);
    if (ecs) {
      headers.add("ECS $");
    }
    headers.add("total $");
    HtmlTable t = new HtmlTable("policies per-model", headers);
    for (Map.Entry<PolicyName, SimulationResult> e : results.entrySet()) {
      SimulationResult r = e.getValue();
      List<String> cells = new ArrayList<>(List.of(e.getKey().label()));
      for (String m : models) {
        ModelTotals mt = r.models().get(m);
        cells.add(usd(mt.costUsd()));
        cells.add(throttledPercent(mt.throttledPercent()));
      }
      if (ecs) {
        cells.add(usd(r.ecsCostUsd()));
      }
      cells.add(usd(r.totalCostUsd()));
      t.row(e.getKey().label(), charted.contains(e.getKey()), cells);
    }
    return t.html();
  }

  /**
   * capacityctl at each budget and floor of the frontier, with the baselines each point dominates.
   */
  static String frontier(Comparison c) {
    SimulationResult oracle = c.policies().get(PolicyName.ORACLE);
    HtmlTable t =
        new HtmlTable(
            "policies frontier",
            List.of(
                "throttle budget",
                "total $",
                "cost / oracle",
                "throttled %",
                "within quota %",
                "in records %",
                "throttled tokens",
                "dominates"));
    for (FrontierPoint p : c.frontier()) {
      SimulationResult r = p.result();
      t.row(
          "capacityctl",
          p.configured(),
          List.of(
              p.label() + (p.configured() ? " (config)" : ""),
              usd(r.totalCostUsd()),
              vsOracle(r, oracle),
              throttledPercent(r.throttledPercent()),
              throttledPercent(r.throttledWithinQuotaPercent()),
              throttledPercent(r.throttledInRecordsPercent()),
              Figures.tokens(r.throttledTokens()),
              c.dominatedText(r)));
    }
    return t.html();
  }

  private static String fmt(String pattern, double v) {
    return String.format(Locale.ROOT, pattern, v);
  }
}
