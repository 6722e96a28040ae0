package io.capacityctl.backtest.report;

import io.capacityctl.backtest.BudgetNote;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.backtest.Saving;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.SimulationResult;
import java.util.Comparator;
import java.util.List;

/** The report's first lines: what capacityctl saves and throttles against each baseline. */
final class Headline {
  private Headline() {}

  static String html(Comparison c, CapacityConfig config) {
    List<Saving> savings = c.savings();
    if (savings.isEmpty()) {
      return "";
    }
    SimulationResult mine = savings.get(0).capacityctl();
    StringBuilder sb =
        new StringBuilder("<p class=\"lead\">capacityctl costs <b>")
            .append(Figures.usd(mine.totalCostUsd()))
            .append("</b> with <b>")
            .append(Figures.throttledPercent(mine.throttledPercent()))
            .append(" %</b> of tokens throttled")
            // Where demand passed the quota, the share the throttle budget bounds is said apart.
            .append(
                mine.throttledWithinQuotaPercent() < mine.throttledPercent()
                    ? " (<b>"
                        + Figures.throttledPercent(mine.throttledWithinQuotaPercent())
                        + " %</b> where the quota could serve them)"
                    : "")
            .append(Html.escape(Figures.inRecords(mine.throttledInRecordsPercent())))
            .append(":</p>\n<ul class=\"savings\">\n");
    for (Saving s : savings) {
      String text = s.text();
      sb.append("<li data-against=\"")
          .append(s.against().label())
          .append("\" class=\"")
          .append(s.deltaUsd() <= 0 ? "saves" : "costs")
          .append("\"><b>")
          .append(Html.escape(s.amount()))
          .append("</b>")
          .append(Html.escape(text.substring(s.amount().length())))
          .append(s.against() == PolicyName.ORACLE ? " (the clairvoyant lower bound)" : "")
          .append("</li>\n");
    }
    sb.append("</ul>\n");
    String note = BudgetNote.of(c, mine, config);
    if (note != null) {
      sb.append("<p class=\"note budget\">").append(Html.escape(note)).append("</p>\n");
    }
    return sb.append(frontier(c)).toString();
  }

  /**
   * Which budgets and floors beat every baseline, and the cheapest of them: the point to start
   * from.
   */
  private static String frontier(Comparison c) {
    List<FrontierPoint> points = c.frontier();
    if (points.isEmpty() || c.baselines().isEmpty()) {
      return "";
    }
    List<FrontierPoint> dominant =
        points.stream()
            .filter(p -> c.dominated(p.result()).size() == c.baselines().size())
            .toList();
    long floors = points.stream().filter(FrontierPoint::floored).count();
    long budgets = points.size() - floors;
    String tried =
        (budgets > 0 ? budgets + " throttle budget" + (budgets == 1 ? "" : "s") : "")
            + (budgets > 0 && floors > 0 ? " and " : "")
            + (floors > 0 ? floors + " floor" + (floors == 1 ? "" : "s") : "")
            + " tried";
    if (dominant.isEmpty()) {
      return "<p class=\"lead\">Of the "
          + tried
          + ", none beats every baseline on both cost and"
          + " throttling.</p>\n";
    }
    // On a tie in cost and throttling, the tightest budget: the same price for a stricter promise.
    FrontierPoint cheapest =
        dominant.stream()
            .min(
                Comparator.comparingDouble((FrontierPoint p) -> p.result().totalCostUsd())
                    .thenComparingDouble(p -> p.result().throttledTokens())
                    .thenComparingDouble(FrontierPoint::throttleBudget))
            .orElseThrow();
    return "<p class=\"lead\">Of the "
        + tried
        + ", "
        + dominant.size()
        + " dominate every baseline (they cost and throttle no more than each, and less in one);"
        + " the cheapest, <b>"
        + cheapest.label()
        + "</b>, costs "
        + Figures.usd(cheapest.result().totalCostUsd())
        + " with "
        + Figures.throttledPercent(cheapest.result().throttledPercent())
        + " % throttled.</p>\n";
  }
}
