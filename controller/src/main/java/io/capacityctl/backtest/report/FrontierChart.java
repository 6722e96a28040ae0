package io.capacityctl.backtest.report;

import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.SimulationResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The frontier as a static SVG scatter of total cost against the share of tokens throttled: the
 * baselines, the oracle and capacityctl at each throttle budget. Drawn here rather than by the
 * page's script so it reads without script and its geometry is testable. The throttled axis is
 * logarithmic, because budgets lie decades apart, with zero set apart on the left, because zero is
 * the point users ask about most.
 */
final class FrontierChart {
  static final int WIDTH = FrontierAxes.WIDTH;
  static final int HEIGHT = FrontierAxes.HEIGHT;

  /**
   * One marker: a policy, or capacityctl at one budget (budget null: the capacityctl row), with a
   * floor (a share of maxUnits; 0: the configuration's own).
   */
  record Point(
      PolicyName policy,
      Double budget,
      double floor,
      boolean configured,
      SimulationResult result,
      String label) {
    Point(
        PolicyName policy,
        Double budget,
        boolean configured,
        SimulationResult result,
        String label) {
      this(policy, budget, 0, configured, result, label);
    }

    boolean capacityctl() {
      return policy == PolicyName.CAPACITYCTL;
    }
  }

  private FrontierChart() {}

  /** The chart's points: baselines and oracle in table order, then capacityctl by budget. */
  static List<Point> points(Comparison c) {
    List<Point> out = new ArrayList<>();
    c.policies()
        .forEach(
            (p, r) -> {
              if (p != PolicyName.CAPACITYCTL) {
                out.add(
                    new Point(
                        p,
                        null,
                        false,
                        r,
                        p == PolicyName.ORACLE ? "oracle (lower bound)" : p.label()));
              }
            });
    boolean ownInFrontier = c.frontier().stream().anyMatch(FrontierPoint::configured);
    SimulationResult own = c.policies().get(PolicyName.CAPACITYCTL);
    if (own != null && !ownInFrontier) {
      out.add(new Point(PolicyName.CAPACITYCTL, null, true, own, "capacityctl"));
    }
    for (FrontierPoint f : c.frontier()) {
      out.add(
          new Point(
              PolicyName.CAPACITYCTL,
              f.throttleBudget(),
              f.floor(),
              f.configured(),
              f.result(),
              f.label()));
    }
    return out;
  }

  static String svg(Comparison c) {
    List<Point> points = points(c);
    if (points.isEmpty()) {
      return "";
    }
    FrontierAxes.X x = FrontierAxes.X.of(points);
    FrontierAxes.Y y = FrontierAxes.Y.of(points);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"frontier\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"total cost against"
                + " share of tokens throttled, per policy and throttle budget\">\n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    // Below and left of each baseline: cheaper and throttling less. Where shades overlap, a point
    // there dominates several baselines.
    for (PolicyName b : c.baselines()) {
      SimulationResult r = c.policies().get(b);
      double px = x.of(r.throttledPercent());
      double py = y.of(r.totalCostUsd());
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"dominance\" data-baseline=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\""
                  + " height=\"%.1f\"/>\n",
              b.label(),
              FrontierAxes.LEFT,
              py,
              px - FrontierAxes.LEFT,
              FrontierAxes.BOTTOM_Y - py));
    }
    FrontierAxes.draw(sb, x, y);
    curve(sb, points, x, y);
    SvgLabels labels = new SvgLabels(WIDTH);
    Map<String, List<Point>> byPixel = new LinkedHashMap<>();
    for (Point p : points) {
      String at =
          Math.round(x.of(p.result().throttledPercent()))
              + ","
              + Math.round(y.of(p.result().totalCostUsd()));
      byPixel.computeIfAbsent(at, k -> new ArrayList<>()).add(p);
      marker(sb, c, p, x, y);
      labels.avoid(x.of(p.result().throttledPercent()), y.of(p.result().totalCostUsd()));
    }
    for (List<Point> same : byPixel.values()) {
      Point first = same.get(0);
      labels.place(
          sb,
          label(same),
          x.of(first.result().throttledPercent()),
          y.of(first.result().totalCostUsd()),
          first.capacityctl() ? "capacityctl" : "policy");
    }
    return sb.append("</svg>").toString();
  }

  /** One label for points drawn at the same pixel (budgets the planner treats alike coincide). */
  private static String label(List<Point> same) {
    List<String> names = same.stream().map(Point::label).toList();
    boolean ours = same.stream().allMatch(p -> p.budget() != null);
    if (ours && names.size() > 2 && same.stream().allMatch(p -> p.floor() == 0)) {
      return "capacityctl at " + names.get(0) + " to " + names.get(names.size() - 1);
    }
    return (ours ? "capacityctl at " : "") + String.join(", ", names);
  }

  private static void marker(
      StringBuilder sb, Comparison c, Point p, FrontierAxes.X x, FrontierAxes.Y y) {
    SimulationResult r = p.result();
    double px = x.of(r.throttledPercent());
    double py = y.of(r.totalCostUsd());
    List<PolicyName> dominated = p.capacityctl() ? c.dominated(r) : List.of();
    boolean dominant = !dominated.isEmpty() && dominated.size() == c.baselines().size();
    String title =
        (p.capacityctl()
                ? "capacityctl" + (p.budget() == null ? "" : " at " + p.label())
                : p.policy().label())
            + ": "
            + Figures.usd(r.totalCostUsd())
            + ", "
            + Figures.throttledPercent(r.throttledPercent())
            + " % throttled ("
            + Figures.tokens(r.throttledTokens())
            + " tokens)"
            + (p.capacityctl() ? "; dominates " + c.dominatedText(r) : "");
    sb.append(
        String.format(
            Locale.ROOT,
            "<g class=\"point %s%s\" data-policy=\"%s\" data-budget=\"%s\"%s data-cost=\"%.2f\""
                + " data-throttled-tokens=\"%d\" data-dominates=\"%s\" data-x=\"%.1f\""
                + " data-y=\"%.1f\"><title>%s</title>",
            p.policy() == PolicyName.ORACLE
                ? "oracle"
                : p.capacityctl() ? "capacityctl" : "baseline",
            dominant ? " dominant" : "",
            p.policy().label(),
            p.budget() == null ? "" : plain(p.budget()),
            p.floor() > 0 ? " data-floor=\"" + plain(p.floor()) + "\"" : "",
            r.totalCostUsd(),
            Math.round(r.throttledTokens()),
            String.join(" ", dominated.stream().map(PolicyName::label).toList()),
            px,
            py,
            Html.escape(title)));
    if (p.capacityctl()) {
      if (p.configured()) {
        sb.append(
            String.format(
                Locale.ROOT, "<circle class=\"ring\" cx=\"%.1f\" cy=\"%.1f\" r=\"9\"/>", px, py));
      }
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\"/>", px, py));
    } else if (p.policy() == PolicyName.ORACLE) {
      sb.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl6 6-6 6-6-6z\"/>", px, py - 6));
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\"/>",
              px - 5,
              py - 5));
    }
    sb.append("</g>\n");
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * capacityctl's points joined in budget order (the trade-off the budget buys), and the floors
   * joined from the configured point up (what a floor buys), each its own line.
   */
  private static void curve(
      StringBuilder sb, List<Point> points, FrontierAxes.X x, FrontierAxes.Y y) {
    line(
        sb,
        "curve",
        points.stream()
            .filter(p -> p.budget() != null && p.floor() == 0)
            .sorted(Comparator.comparingDouble(Point::budget).reversed())
            .toList(),
        x,
        y);
    line(
        sb,
        "curve floors",
        points.stream()
            .filter(p -> p.capacityctl() && (p.configured() || p.floor() > 0))
            .sorted(Comparator.comparingDouble(Point::floor))
            .toList(),
        x,
        y);
  }

  private static void line(
      StringBuilder sb, String cls, List<Point> budgets, FrontierAxes.X x, FrontierAxes.Y y) {
    if (budgets.size() < 2) {
      return;
    }
    sb.append("<polyline class=\"").append(cls).append("\" points=\"");
    for (Point p : budgets) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%.1f,%.1f ",
              x.of(p.result().throttledPercent()),
              y.of(p.result().totalCostUsd())));
    }
    sb.setLength(sb.length() - 1);
    sb.append("\"/>\n");
  }
}
