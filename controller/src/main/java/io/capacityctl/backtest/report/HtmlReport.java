package io.capacityctl.backtest.report;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.files.PartialFile;
import io.capacityctl.sim.SimulationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A backtest as one self-contained HTML page: the policy table, and per model charts of demand
 * against capacity for capacityctl and one baseline. Style, script and data are inline, so the page
 * opens offline and can be mailed or attached to a ticket.
 */
public final class HtmlReport {
  private final CapacityConfig config;
  private final String traceName;

  /**
   * @param traceName how the page names the trace (file path or synthetic generator and seed)
   */
  public HtmlReport(CapacityConfig config, String traceName) {
    this.config = config;
    this.traceName = traceName;
  }

  /** The page; {@code results} must include the policies {@code timelines} charts. */
  public String render(Map<PolicyName, SimulationResult> results, ReportTimelines timelines) {
    for (PolicyName p : timelines.charted()) {
      if (!results.containsKey(p)) {
        throw new IllegalArgumentException("no result for charted policy " + p);
      }
    }
    ChartData.Data data = ChartData.of(config, timelines);
    return Html.fill(
        Html.resource("report.html"),
        Map.of(
            "title", Html.escape("capacityctl backtest: " + config.name()),
            "config", Html.escape(config.name() + " (" + config.source() + ")"),
            "trace", Html.escape(traceName),
            "minutes", Integer.toString(data.minutes()),
            "zone", Html.escape(data.zone()),
            "baseline", timelines.baseline().label(),
            "table", PolicyTable.html(results, timelines.charted()),
            "style", Html.resource("report.css"),
            "script", Html.resource("report.js"),
            "data", ChartData.json(data)));
  }

  /**
   * Writes the page to {@code file}: beside it first, then moved into place, so a failure leaves no
   * partial report.
   */
  public void write(Path file, Map<PolicyName, SimulationResult> results, ReportTimelines timelines)
      throws IOException {
    String page = render(results, timelines);
    Path tmp = PartialFile.beside(file);
    try {
      Files.writeString(tmp, page, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
