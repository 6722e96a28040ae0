package io.capacityctl.cli;

import static io.capacityctl.backtest.Figures.throttledPercent;
import static io.capacityctl.backtest.Figures.vsOracle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capacityctl.backtest.BudgetNote;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.backtest.Saving;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.leadtime.LeadTimeTotal;
import io.capacityctl.leadtime.ProvisioningObserved;
import io.capacityctl.sim.EcsTotals;
import io.capacityctl.sim.ModelTotals;
import io.capacityctl.sim.SimulationResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints a backtest: the headline (capacityctl against each baseline), one row per policy, the
 * frontier when one ran, then one policy per model; or all of it as JSON.
 */
final class SimulationPrinter {
  private final PrintWriter out;
  private final OutputFormat format;

  SimulationPrinter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /**
   * @param trace the trace's name for the header
   * @param historyMinutes minutes of the trace read as history before the replay (not scored)
   */
  void print(
      CapacityConfig config, String trace, int historyMinutes, Comparison c, PolicyName detailed) {
    if (format == OutputFormat.JSON) {
      printJson(config, trace, historyMinutes, c);
      return;
    }
    Map<PolicyName, SimulationResult> results = c.policies();
    SimulationResult any =
        results.isEmpty() ? c.frontier().get(0).result() : results.values().iterator().next();
    out.printf(
        "config %s (%s), trace %s, %d minutes%n%n",
        config.name(), config.source(), trace, any.minutes());
    printHeadline(c, config);
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
          "%-16s %13s %8s %13s %11s %11s %7.3f %8d %9d%n",
          e.getKey(),
          usd(r.totalCostUsd()),
          vsOracle(r, oracle),
          usd(r.bedrockCostUsd()),
          usd(r.ecsCostUsd()),
          throttledPercent(r.throttledPercent()),
          r.meanWasteRatio(),
          r.scalingActions(),
          r.ecsShortfallMinutes());
    }
    printFrontier(c, oracle);
    if (results.containsKey(detailed)) {
      out.println();
      printDetail(results.get(detailed));
    }
  }

  /** capacityctl's saving against each baseline, first, so the answer needs no arithmetic. */
  private void printHeadline(Comparison c, CapacityConfig config) {
    List<Saving> savings = c.savings();
    if (savings.isEmpty()) {
      return;
    }
    SimulationResult mine = savings.get(0).capacityctl();
    // Where demand passed the quota, the share the budget is judged on is said apart.
    String within =
        mine.throttledWithinQuotaPercent() < mine.throttledPercent()
            ? ", "
                + throttledPercent(mine.throttledWithinQuotaPercent())
                + " % where the quota could serve them"
            : "";
    // Of that, what no window of history held: a tighter budget reaches it only by chance.
    within += Figures.inRecords(mine.throttledInRecordsPercent());
    out.printf(
        "against each policy, capacityctl (%s, %s %% of tokens throttled%s) costs:%n",
        usd(mine.totalCostUsd()), throttledPercent(mine.throttledPercent()), within);
    for (Saving s : savings) {
      out.println("  " + s.text() + (s.against() == PolicyName.ORACLE ? " (lower bound)" : ""));
    }
    String note = BudgetNote.of(c, mine, config);
    if (note != null) {
      out.println("  note: " + note);
    }
    out.println();
  }

  /** capacityctl at each budget: what each share of throttled tokens costs on this trace. */
  private void printFrontier(Comparison c, SimulationResult oracle) {
    if (c.frontier().isEmpty()) {
      return;
    }
    boolean floors = c.frontier().stream().anyMatch(FrontierPoint::floored);
    out.printf(
        "%nfrontier: capacityctl at each policy.throttleBudget%s, cost against throttled tokens%n",
        floors
            ? " and each floor (minUnits at a share of maxUnits, at the configured budget)"
            : "");
    // "within quota": throttled where the quota could serve the demand, what the budget bounds;
    // "in records": of that, in minutes busier than the week before them, which a floor reaches.
    out.printf(
        "%-16s %13s %8s %11s %13s %11s %16s  %s%n",
        "budget",
        "total $",
        "/oracle",
        "throttled %",
        "within quota",
        "in records",
        "throttled tokens",
        "dominates");
    for (FrontierPoint p : c.frontier()) {
      SimulationResult r = p.result();
      out.printf(
          "%-16s %13s %8s %11s %13s %11s %16s  %s%n",
          p.label() + (p.configured() ? " (config)" : ""),
          usd(r.totalCostUsd()),
          vsOracle(r, oracle),
          throttledPercent(r.throttledPercent()),
          throttledPercent(r.throttledWithinQuotaPercent()),
          throttledPercent(r.throttledInRecordsPercent()),
          Figures.tokens(r.throttledTokens()),
          c.dominatedText(r));
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
          "%-10s %12s %10.0f %12s %12.1f %11s %7.3f %8d%n",
          e.getKey(),
          usd(t.unitCostUsd()),
          t.unitHours(),
          usd(t.onDemandCostUsd()),
          t.onDemandTokens() / 1e6,
          throttledPercent(t.throttledPercent()),
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
        "%-10s %12s (Bedrock %s, ECS %s), throttled %s%%, mean waste %.3f, %d actions%n",
        "total",
        usd(r.totalCostUsd()),
        usd(r.bedrockCostUsd()),
        usd(r.ecsCostUsd()),
        throttledPercent(r.throttledPercent()),
        r.meanWasteRatio(),
        r.scalingActions());
    if (r.failedPasses() > 0) {
      out.printf("%d reconcile passes failed%n", r.failedPasses());
    }
    r.models()
        .forEach(
            (model, t) -> {
              if (t.leadTime() != null && t.leadTime().occurrences() > 0) {
                out.printf("%-10s %s%n", model, t.leadTime().describe());
              }
            });
  }

  private void printJson(CapacityConfig config, String trace, int historyMinutes, Comparison c) {
    out.println(json(config, trace, historyMinutes, c).toPrettyString());
  }

  /** The JSON document {@code --output json} prints (backtest adds what it read to it). */
  static ObjectNode json(CapacityConfig config, String trace, int historyMinutes, Comparison c) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("config", config.name());
    root.put("trace", trace);
    root.put("historyMinutes", historyMinutes);
    ArrayNode headline = root.putArray("headline");
    for (Saving s : c.savings()) {
      ObjectNode h = headline.addObject();
      h.put("against", s.against().label());
      h.put("costDeltaUsd", round(s.deltaUsd()));
      h.put("costDeltaShare", s.deltaShare());
      h.put("throttledPercent", s.capacityctl().throttledPercent());
      h.put("againstThrottledPercent", s.other().throttledPercent());
      h.put("text", s.text());
    }
    ObjectNode policies = root.putObject("policies");
    SimulationResult oracle = c.policies().get(PolicyName.ORACLE);
    c.policies()
        .forEach(
            (name, r) -> {
              ObjectNode p = policies.putObject(name.label());
              if (oracle != null) {
                p.put("costVsOracle", r.totalCostUsd() / oracle.totalCostUsd());
              }
              policyJson(p, r);
            });
    if (!c.frontier().isEmpty()) {
      ArrayNode frontier = root.putArray("frontier");
      for (FrontierPoint f : c.frontier()) {
        ObjectNode p = frontier.addObject();
        p.put("throttleBudget", f.throttleBudget());
        p.put("configured", f.configured());
        if (f.floored()) {
          p.put("floor", f.floor());
          ObjectNode units = p.putObject("minUnits");
          config
              .models()
              .forEach((k, m) -> units.put(k, CapacityConfig.minUnitsWithFloor(m, f.floor())));
        }
        if (oracle != null) {
          p.put("costVsOracle", f.result().totalCostUsd() / oracle.totalCostUsd());
        }
        ArrayNode dominates = p.putArray("dominates");
        c.dominated(f.result()).forEach(b -> dominates.add(b.label()));
        policyJson(p, f.result());
      }
    }
    return root;
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
              m.put("throttledWithinQuotaPercent", t.throttledWithinQuotaPercent());
              m.put("throttledInRecordsPercent", t.throttledInRecordsPercent());
              m.put("meanWasteRatio", t.meanWasteRatio());
              m.put("scalingActions", t.scalingActions());
              if (t.leadTime() != null) {
                leadTimeJson(m.putObject("leadTime"), t.leadTime());
              }
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
    total.put("throttledWithinQuotaPercent", r.throttledWithinQuotaPercent());
    total.put("throttledInRecordsPercent", r.throttledInRecordsPercent());
    total.put("throttledTokens", Math.round(r.throttledTokens()));
    total.put("meanWasteRatio", r.meanWasteRatio());
    total.put("scalingActions", r.scalingActions());
    total.put("ecsShortfallMinutes", r.ecsShortfallMinutes());
    total.put("failedPasses", r.failedPasses());
  }

  /** What the events' lead times cost over the run (docs/leadtime.md); NaN figures as null. */
  private static void leadTimeJson(ObjectNode l, LeadTimeTotal t) {
    ProvisioningObserved p = t.provisioning();
    l.put("occurrences", t.occurrences());
    l.put("configuredProvisioning", p.configured().toString());
    l.put("observedCreations", p.creations());
    l.put("observedMedian", p.median() == null ? null : p.median().toString());
    l.put("observedLongest", p.longest() == null ? null : p.longest().toString());
    l.put("unitHoursBeyondConfigured", round(t.unitHoursBeyondConfigured()));
    l.put("usdBeyondConfigured", round(t.usdBeyondConfigured()));
    putFinite(l, "unitHoursBeyondObserved", t.unitHoursBeyondObserved());
    putFinite(l, "usdBeyondObserved", t.usdBeyondObserved());
    l.put("unitHoursCanary", round(t.unitHoursCanary()));
    l.put("usdCanary", round(t.usdCanary()));
  }

  private static void putFinite(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, round(v));
    } else {
      o.putNull(field);
    }
  }

  /** Dollars as every table prints them (the waste report too). */
  static String usd(double v) {
    return Figures.usd(v);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
