package io.capacityctl.backtest.report;

import io.capacityctl.backtest.report.FrontierChart.Point;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The frontier chart's frame: its size, the throttled axis (zero set apart, then decades on a log
 * scale) and the cost axis (round ticks around the points), and how they are drawn.
 */
final class FrontierAxes {
  static final int WIDTH = 860;
  static final int HEIGHT = 380;
  static final int LEFT = 78;
  private static final int RIGHT = 250;
  private static final int TOP = 14;
  private static final int BOTTOM = 50;

  /** The plot's bottom edge: where the throttled axis runs. */
  static final int BOTTOM_Y = HEIGHT - BOTTOM;

  /** From the zero column to the first decade: the axis break. */
  private static final int ZERO_GAP = 56;

  private FrontierAxes() {}

  static void draw(StringBuilder sb, X x, Y y) {
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
      double bx = LEFT + (X.ZERO_X + ZERO_GAP) / 2.0;
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
  record X(int lo, int hi) {
    /** The zero column's distance from the plot's left edge. */
    static final int ZERO_X = 14;

    static X of(List<Point> points) {
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
        return new X(0, 0);
      }
      int lo = (int) Math.floor(Math.log10(min));
      int hi = Math.max(lo + 1, (int) Math.ceil(Math.log10(max)));
      return new X(lo, hi);
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
  record Y(double min, double max, double step) {
    static Y of(List<Point> points) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (Point p : points) {
        lo = Math.min(lo, p.result().totalCostUsd());
        hi = Math.max(hi, p.result().totalCostUsd());
      }
      double pad = Math.max((hi - lo) * 0.06, Math.max(hi * 0.02, 1));
      double step = niceStep((hi - lo + 2 * pad) / 5);
      return new Y(
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
}
