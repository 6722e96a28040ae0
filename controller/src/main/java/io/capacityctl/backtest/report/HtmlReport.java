package io.capacityctl.backtest.report;

import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.files.PartialFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A backtest as one self-contained HTML page, the answer first: the headline saving against each
 * baseline, cost against throttled tokens (the frontier), the policy tables, then per model charts
 * of demand against capacity for capacityctl and one baseline. Style, script and data are inline,
 * so the page opens offline and can be mailed or attached to a ticket.
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
  public String render(Comparison results, ReportTimelines timelines) {
    for (PolicyName p : timelines.charted()) {
      if (!results.policies().containsKey(p)) {
        throw new IllegalArgumentException("no result for charted policy " + p);
      }
    }
    ChartData.Data data = ChartData.of(config, timelines, results.policies());
    return Html.fill(
        Html.resource("report.html"),
        Map.ofEntries(
            Map.entry("title", Html.escape("capacityctl backtest: " + config.name())),
            Map.entry("config", Html.escape(config.name() + " (" + config.source() + ")")),
            Map.entry("trace", Html.escape(traceName)),
            Map.entry("minutes", Integer.toString(data.minutes())),
            Map.entry("zone", Html.escape(data.zone())),
            Map.entry("baseline", timelines.baseline().label()),
            Map.entry("headline", Headline.html(results, config)),
            Map.entry("frontierChart", FrontierChart.svg(results)),
            Map.entry(
                "frontierTable",
                results.frontier().isEmpty()
                    ? "<p class=\"note\">Run with <code>--frontier</code> to add capacityctl at"
                        + " several throttle budgets, <code>--floors</code> at floors.</p>"
                    : PolicyTable.frontier(results)),
            Map.entry("table", PolicyTable.html(results.policies(), timelines.charted())),
            Map.entry(
                "perModel",
                PolicyTable.perModel(results.policies(), config.modelKeys(), timelines.charted())),
            Map.entry("style", Html.resource("report.css")),
            Map.entry("script", Html.resource("report.js")),
            Map.entry("data", ChartData.json(data))));
  }

  /**
   * Writes the page to {@code file}: beside it first, then moved into place, so a failure leaves no
   * partial report.
   */
  public void write(Path file, Comparison results, ReportTimelines timelines) throws IOException {
    String page = render(results, timelines);
    PartialFile.write(
        file,
        out -> {
          out.write(page);
          return null;
        });
  }
}
