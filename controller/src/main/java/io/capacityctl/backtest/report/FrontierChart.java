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
  static final int WIDTH = 860;
  static final int HEIGHT = 380;
  private static final int LEFT = 78;
  private static final int RIGHT = 250;
  private static final int TOP = 14;
  private static final int BOTTOM = 50;

  /** From the zero column to the first decade: the axis break. */
  private static final int ZERO_GAP = 56;

  /** Width of a label character at the chart's 11 px font, for placing labels apart. */
  private static final double CHAR_PX = 6.6;

  /** One marker: a policy, or capacityctl at one budget (budget null: the capacityctl row). */
  record Point(
      PolicyName policy, Double budget, boolean configured, SimulationResult result, String label) {
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
              f.configured(),
              f.result(),
              Figures.budget(f.throttleBudget())));
    }
    return out;
  }

  static String svg(Comparison c) {
    List<Point> points = points(c);
    if (points.isEmpty()) {
      return "";
    }
    XAxis x = XAxis.of(points);
    YAxis y = YAxis.of(points);
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
              LEFT,
              py,
              px - LEFT,
              TOP + plotHeight() - py));
    }
    axes(sb, x, y);
    curve(sb, points, x, y);
    Labels labels = new Labels();
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
    boolean budgets = same.stream().allMatch(p -> p.budget() != null);
    if (budgets && names.size() > 2) {
      return "capacityctl at " + names.get(0) + " to " + names.get(names.size() - 1);
    }
    return (budgets ? "capacityctl at " : "") + String.join(", ", names);
  }

  private static void marker(StringBuilder sb, Comparison c, Point p, XAxis x, YAxis y) {
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
            "<g class=\"point %s%s\" data-policy=\"%s\" data-budget=\"%s\" data-cost=\"%.2f\""
                + " data-throttled-tokens=\"%d\" data-dominates=\"%s\" data-x=\"%.1f\""
                + " data-y=\"%.1f\"><title>%s</title>",
            p.policy() == PolicyName.ORACLE
                ? "oracle"
                : p.capacityctl() ? "capacityctl" : "baseline",
            dominant ? " dominant" : "",
            p.policy().label(),
            p.budget() == null
                ? ""
                : BigDecimal.valueOf(p.budget()).stripTrailingZeros().toPlainString(),
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

  /** capacityctl's points joined in budget order: the trade-off the budget buys. */
  private static void curve(StringBuilder sb, List<Point> points, XAxis x, YAxis y) {
    List<Point> budgets =
        points.stream()
            .filter(p -> p.budget() != null)
            .sorted(Comparator.comparingDouble(Point::budget).reversed())
            .toList();
    if (budgets.size() < 2) {
      return;
    }
    sb.append("<polyline class=\"curve\" points=\"");
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

  private static void axes(StringBuilder sb, XAxis x, YAxis y) {
    int bottom = TOP + plotHeight();
    for (double v : y.ticks()) {
      double py = y.of(v);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT,
              WIDTH - RIGHT,
              py,
              py,
              LEFT - 6,
              py + 4,
              String.format(Locale.ROOT, "$%,.0f", v)));
    }
    for (Map.Entry<Double, String> t : x.ticks().entrySet()) {
      double px = x.of(t.getKey());
      sb.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                  + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              px,
              px,
              TOP,
              bottom,
              px,
              bottom + 16,
              t.getValue()));
    }
    if (x.decades() > 0) {
      // The break between zero and the first decade: a log axis has no zero.
      double bx = LEFT + (XAxis.ZERO_X + ZERO_GAP) / 2.0;
      sb.append(
          String.format(
              Locale.ROOT,
              "<path class=\"break\" d=\"M%.1f %dl-4 8M%.1f %dl-4 8\"/>\n",
              bx + 1,
              bottom - 4,
              bx + 5,
              bottom - 4));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>\n"
                + "<text class=\"title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">throttled tokens,"
                + " %% of demand (log scale, 0 set apart)</text>\n"
                + "<text class=\"title\" transform=\"translate(14 %d) rotate(-90)\""
                + " text-anchor=\"middle\">total cost</text>\n",
            LEFT,
            WIDTH - RIGHT,
            bottom,
            bottom,
            LEFT,
            LEFT,
            TOP,
            bottom,
            LEFT + plotWidth() / 2,
            HEIGHT - 6,
            TOP + plotHeight() / 2));
  }

  static int plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  static int plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  /** Throttled share (percent) to x: zero at the left, then decades on a log scale. */
  record XAxis(int lo, int hi) {
    /** The zero column's distance from the plot's left edge. */
    static final int ZERO_X = 14;

    static XAxis of(List<Point> points) {
      double min = Double.MAX_VALUE;
      double max = 0;
      for (Point p : points) {
        double v = p.result().throttledPercent();
        if (v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (max == 0) {
        return new XAxis(0, 0);
      }
      int lo = (int) Math.floor(Math.log10(min));
      int hi = Math.max(lo + 1, (int) Math.ceil(Math.log10(max)));
      return new XAxis(lo, hi);
    }

    int decades() {
      return hi - lo;
    }

    double of(double pct) {
      if (pct <= 0) {
        return LEFT + ZERO_X;
      }
      if (decades() == 0) {
        return LEFT + plotWidth() / 2.0;
      }
      double f = (Math.log10(pct) - lo) / decades();
      return LEFT + ZERO_GAP + f * (plotWidth() - ZERO_GAP - 8);
    }

    /** Zero and every decade, as percentages. */
    Map<Double, String> ticks() {
      Map<Double, String> out = new LinkedHashMap<>();
      out.put(0.0, "0");
      for (int d = lo; d <= hi && decades() > 0; d++) {
        BigDecimal v = BigDecimal.ONE.scaleByPowerOfTen(d);
        out.put(v.doubleValue(), v.toPlainString() + " %");
      }
      return out;
    }
  }

  /** Total cost to y, over a range with round ticks around the points. */
  record YAxis(double min, double max, double step) {
    static YAxis of(List<Point> points) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (Point p : points) {
        lo = Math.min(lo, p.result().totalCostUsd());
        hi = Math.max(hi, p.result().totalCostUsd());
      }
      double pad = Math.max((hi - lo) * 0.06, Math.max(hi * 0.02, 1));
      double step = niceStep((hi - lo + 2 * pad) / 5);
      return new YAxis(
          Math.max(0, Math.floor((lo - pad) / step) * step),
          Math.ceil((hi + pad) / step) * step,
          step);
    }

    double of(double usd) {
      return TOP + plotHeight() * (1 - (usd - min) / (max - min));
    }

    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      for (double v = min; v <= max + step / 2; v += step) {
        out.add(v);
      }
      return out;
    }

    private static double niceStep(double raw) {
      double p = Math.pow(10, Math.floor(Math.log10(raw)));
      for (double f : new double[] {1, 2, 2.5, 5, 10}) {
        if (f * p >= raw) {
          return f * p;
        }
      }
      return 10 * p;
    }
  }

  /** Places labels beside their points where they overlap neither another label nor a point. */
  private static final class Labels {
    private final List<double[]> taken = new ArrayList<>();

    void avoid(double px, double py) {
      taken.add(new double[] {px - 7, py - 7, px + 7, py + 7});
    }

    void place(StringBuilder sb, String text, double px, double py, String cls) {
      double w = text.length() * CHAR_PX;
      double[][] candidates = {
        {px + 11, py + 4, px + 11 + w},
        {px - 11 - w, py + 4, px - 11},
        {px - w / 2, py - 12, px + w / 2},
        {px - w / 2, py + 21, px + w / 2},
        {px + 11, py - 10, px + 11 + w},
        {px + 11, py + 18, px + 11 + w},
      };
      double[] pick = candidates[0];
      for (double[] c : candidates) {
        double[] box = {c[0], c[1] - 10, c[2], c[1] + 2};
        if (box[0] >= 0 && box[2] <= WIDTH && taken.stream().noneMatch(t -> overlaps(t, box))) {
          pick = c;
          break;
        }
      }
      taken.add(new double[] {pick[0], pick[1] - 10, pick[2], pick[1] + 2});
      sb.append(
          String.format(
              Locale.ROOT,
              "<text class=\"label %s\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
              cls,
              pick[0],
              pick[1],
              Html.escape(text)));
    }

    private static boolean overlaps(double[] a, double[] b) {
      return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
  }
}
