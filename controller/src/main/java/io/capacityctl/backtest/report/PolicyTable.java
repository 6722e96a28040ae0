package io.capacityctl.backtest.report;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.SimulationResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The policy table as static HTML, with the CLI table's columns, so it reads without script. */
final class PolicyTable {
  private static final List<String> HEADERS =
      List.of(
          "policy",
          "total $",
          "cost / oracle",
          "Bedrock $",
          "ECS $",
          "throttled %",
          "waste",
          "actions",
          "ECS shortfall min");

  private PolicyTable() {}

  /**
   * @param charted policies drawn below the table; their rows are marked
   */
  static String html(Map<PolicyName, SimulationResult> results, List<PolicyName> charted) {
    SimulationResult oracle = results.get(PolicyName.ORACLE);
    StringBuilder sb = new StringBuilder("<table class=\"policies\">\n<thead><tr>");
    HEADERS.forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
    sb.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<PolicyName, SimulationResult> e : results.entrySet()) {
      SimulationResult r = e.getValue();
      String label = e.getKey().label();
      sb.append("<tr data-policy=\"").append(label).append('"');
      if (charted.contains(e.getKey())) {
        sb.append(" class=\"charted\"");
      }
      sb.append("><td>").append(label).append("</td>");
      cell(sb, usd(r.totalCostUsd()));
      cell(sb, oracle == null ? "-" : fmt("%.3f", r.totalCostUsd() / oracle.totalCostUsd()));
      cell(sb, usd(r.bedrockCostUsd()));
      cell(sb, usd(r.ecsCostUsd()));
      cell(sb, fmt("%.4f", r.throttledPercent()));
      cell(sb, fmt("%.3f", r.meanWasteRatio()));
      cell(sb, Integer.toString(r.scalingActions()));
      cell(sb, Integer.toString(r.ecsShortfallMinutes()));
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>").toString();
  }

  /** Dollars as the CLI prints them, with a fixed locale so reports compare across machines. */
  private static String usd(double v) {
    return fmt("$%,.2f", v);
  }

  private static String fmt(String pattern, double v) {
    return String.format(Locale.ROOT, pattern, v);
  }

  private static void cell(StringBuilder sb, String text) {
    sb.append("<td>").append(text).append("</td>");
  }
}
