package io.capacityctl.cli;

import io.capacityctl.tokens.EstimateReport;
import io.capacityctl.tokens.ExpectedTpsWindow;
import java.util.stream.Collectors;

/** Prints an estimate's schedule windows as YAML to paste into a capacity config. */
final class ScheduleSnippet {
  private ScheduleSnippet() {}

  static String render(EstimateReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# expectedTps (tokens/s) from intents ")
        .append(report.intentsSource())
        .append(": peak tokens/s x traffic share.\n")
        .append("# Paste under `schedule:` of config ")
        .append(report.configName())
        .append("; the planner turns expectedTps into units.\n")
        .append("schedule:\n");
    for (ExpectedTpsWindow w : report.schedule()) {
      String tps =
          w.expectedTps().entrySet().stream()
              .map(e -> e.getKey() + ": " + e.getValue())
              .collect(Collectors.joining(", "));
      out.append("  - { from: \"")
          .append(w.from())
          .append("\", to: \"")
          .append(w.to())
          .append("\", expectedTps: { ")
          .append(tps)
          .append(" } }\n");
    }
    return out.toString();
  }
}
