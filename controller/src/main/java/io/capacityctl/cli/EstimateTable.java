package io.capacityctl.cli;

import io.capacityctl.tokens.EstimateReport;
import io.capacityctl.tokens.IntentEstimate;
import io.capacityctl.tokens.ModelEstimate;
import java.util.ArrayList;
import java.util.List;

/** Renders an estimate as two aligned text tables: intents, then models. */
final class EstimateTable {
  private EstimateTable() {}

  static String render(EstimateReport report) {
    List<String[]> intents = new ArrayList<>();
    intents.add(
        new String[] {
          "intent",
          "model",
          "encoding",
          "calib",
          "samples",
          "p50",
          "p95",
          "mean",
          "budget",
          "peak rps",
          "tokens/s at peak"
        });
    for (IntentEstimate i : report.intents()) {
      intents.add(
          new String[] {
            i.intent(),
            i.model(),
            i.encoding(),
            String.format("%.2f", i.calibration()),
            Integer.toString(i.samples()),
            String.format("%,d", i.p50()),
            String.format("%,d", i.p95()),
            String.format("%,.0f", i.mean()),
            String.format("%,d", i.budgetTokensPerRequest()),
            String.format("%.2f", i.peakRequestsPerSecond()),
            String.format("%,.0f", i.peakTokensPerSecond())
          });
    }
    List<String[]> models = new ArrayList<>();
    models.add(
        new String[] {
          "model",
          "tokens/s at peak",
          "tokens/s/unit",
          "target util",
          "units",
          "quota",
          "monthly USD"
        });
    for (ModelEstimate m : report.models()) {
      models.add(
          new String[] {
            m.model(),
            String.format("%,.0f", m.peakTokensPerSecond()),
            String.format("%,.0f", m.tokensPerSecondPerUnit()),
            String.format("%.0f%%", 100 * m.targetUtilization()),
            m.units() + (m.overQuota() ? " OVER QUOTA" : ""),
            Integer.toString(m.maxUnits()),
            String.format("%,.0f", m.monthlyUsd())
          });
    }
    return "Intents ("
        + report.intentsSource()
        + "): tokens per request = input + expected output\n"
        + align(intents, 3)
        + "\nModels (config "
        + report.configName()
        + "): units to serve the peak all month\n"
        + align(models, 1)
        + String.format("total monthly USD at peak units: %,.0f%n", report.totalMonthlyUsd());
  }

  /** Left-aligns the first {@code textColumns} columns and right-aligns the rest (numbers). */
  private static String align(List<String[]> rows, int textColumns) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        String pad = " ".repeat(widths[c] - cell.length());
        String sep = c == 0 ? "" : "  ";
        out.append(c < textColumns ? sep + cell + pad : sep + pad + cell);
      }
      out.append('\n');
    }
    return out.toString();
  }
}
