package io.capacityctl.backtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Places SVG labels beside their points where they overlap neither another label nor a point, so
 * close points stay readable without a layout engine.
 */
final class SvgLabels {
  /** Width of a label character at the chart's 11 px font. */
  private static final double CHAR_PX = 6.6;

  private final int width;
  private final List<double[]> taken = new ArrayList<>();

  /**
   * @param width the drawing's width: labels stay inside it
   */
  SvgLabels(int width) {
    this.width = width;
  }

  /** Keeps labels off a point drawn at (px, py). */
  void avoid(double px, double py) {
    taken.add(new double[] {px - 7, py - 7, px + 7, py + 7});
  }

  /** Draws {@code text} beside (px, py): right, left, above, below, where it first fits. */
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
      if (box[0] >= 0 && box[2] <= width && taken.stream().noneMatch(t -> overlaps(t, box))) {
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
