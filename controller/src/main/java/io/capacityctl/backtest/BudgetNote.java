package io.capacityctl.backtest;

import static io.capacityctl.backtest.Figures.throttledPercent;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.SimulationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The note under the headline (simulate's and backtest's {@code note:}, the report's) when
 * capacityctl missed its throttle budget where the quota could serve: what would meet it, so a user
 * reads what to change, not only that the budget was missed.
 */
public final class BudgetNote {
  private BudgetNote() {}

  /**
   * The note, or null when none is due. Over the budget mostly in minutes busier than the week
   * before them: a tighter budget reaches those only by chance (the headroom rises at most to the
   * week's largest excess), a floor does, and the note says so. When floors ran ({@code --floors}),
   * the cheapest that kept within the budget is named, whatever the records' share.
   */
  public static String of(Comparison c, SimulationResult mine, CapacityConfig config) {
    double budget = config.policy().throttleBudget();
    double within = mine.throttledWithinQuotaPercent();
    double records = mine.throttledInRecordsPercent();
    if (within <= 100 * budget) {
      return null;
    }
    String over =
        throttledPercent(within)
            + " % is over policy.throttleBudget ("
            + Figures.budget(budget)
            + ")";
    if (records >= within / 2) {
      return over
          + ", and "
          + throttledPercent(records)
          + " % of it fell in minutes busier than any in the week before them: a tighter budget"
          + " reaches those only by chance, a floor near the quota does (models.<model>.minUnits;"
          + " README, Simulation semantics). "
          + floorAdvice(c, mine, config);
    }
    // Not mostly records: a tighter budget may reach it (the frontier says); a floor run, if any,
    // says what a floor would take.
    return c.frontier().stream().anyMatch(FrontierPoint::floored)
        ? over + ". " + floorAdvice(c, mine, config)
        : null;
  }

  /**
   * The cheapest floor run that kept within the budget where the quota could serve, and what it
   * cost against the configuration as written; or how to price floors when none ran.
   */
  private static String floorAdvice(Comparison c, SimulationResult mine, CapacityConfig config) {
    List<FrontierPoint> floors = c.frontier().stream().filter(FrontierPoint::floored).toList();
    if (floors.isEmpty()) {
      return "--floors prices floors on this trace.";
    }
    double budget = config.policy().throttleBudget();
    return floors.stream()
        .filter(p -> p.result().throttledWithinQuotaPercent() <= 100 * budget)
        .min(Comparator.comparingDouble(p -> p.result().totalCostUsd()))
        .map(
            p ->
                "Here "
                    + p.label()
                    + " ("
                    + floorUnits(config, p.floor())
                    + ") kept within it: "
                    + Figures.usd(p.result().totalCostUsd())
                    + ", "
                    + Figures.signedShare(p.result().totalCostUsd() / mine.totalCostUsd() - 1)
                    + ".")
        .orElse("None of the floors run here kept within it.");
  }

  /** A floor's units per model: {@code chat 68 units}, {@code sonnet 40, haiku 10 units}. */
  static String floorUnits(CapacityConfig config, double share) {
    List<String> each = new ArrayList<>();
    config
        .models()
        .forEach((k, m) -> each.add(k + " " + CapacityConfig.minUnitsWithFloor(m, share)));
    return String.join(", ", each) + " units";
  }
}
