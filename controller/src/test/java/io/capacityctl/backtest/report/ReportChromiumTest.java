package io.capacityctl.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.ModelTotals;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in headless Chromium and checks what a reader sees: the script ran without an
 * error, every chart has ink where its data is, and the charts' figures are the tables'. Two broken
 * pages prove the check fails when it should. Skipped where Chromium is not installed ({@code
 * apt-get install chromium}; .ci/run installs it where apt can); scripts/report-screenshot.sh takes
 * the screenshots for the docs.
 */
class ReportChromiumTest {
  @TempDir Path dir;

  private final SpikeRun run = SpikeRun.get();
  private Path chromium;

  @BeforeEach
  void needsChromium() {
    Optional<Path> found = HeadlessChromium.find();
    assumeThat(found)
        .as(
            "chromium is not installed (apt-get install chromium): the report's browser check is"
                + " skipped")
        .isPresent();
    chromium = found.get();
  }

  @Test
  void everyChartDrawsAndAgreesWithTheTables() throws Exception {
    HeadlessChromium.Page page = open(html -> html, "#day=2026-12-02");

    assertThat(problems(page)).isEmpty();
    // The trace covers 12:00-17:00 JST on that day: the view is local time, clipped to the trace.
    assertThat(page.dom()).contains("Wed 2 Dec 12:00 \u2013 Wed 2 Dec 17:00 (5 h)");
    for (String model : run.config().modelKeys()) {
      for (PolicyName p : run.timelines().charted()) {
        ModelTotals t = run.results().get(p).models().get(model);
        // The whole trace is in view: the panel says what the per-model table says.
        assertThat(page.dom())
            .contains(
                t.throttledMinutes() == 0
                    ? "no throttled minute"
                    : "throttled "
                        + t.throttledMinutes()
                        + " min, "
                        + Figures.throttledPercent(t.throttledPercent())
                        + " % of "
                        + model
                        + "'s tokens<");
      }
    }
    assertThat(
            run.results().get(PolicyName.SCHEDULE_ONLY).models().get("sonnet").throttledMinutes())
        .as("the spike throttles, so the figures above are compared, not just zeros")
        .isPositive();
  }

  @Test
  void aScriptErrorIsCaught() throws Exception {
    HeadlessChromium.Page page =
        open(html -> html.replace("id=\"report-data\">{", "id=\"report-data\">{,"), "");

    assertThat(problems(page)).anyMatch(p -> p.startsWith("script error"));
  }

  @Test
  void anEmptyChartIsCaught() throws Exception {
    HeadlessChromium.Page page =
        open(
            html ->
                html.replace(
                    "</style>",
                    ".plot canvas, svg.frontier .point { visibility: hidden; }\n</style>"),
            "");

    List<String> problems = problems(page);
    assertThat(problems).anyMatch(p -> p.startsWith("empty plot"));
    assertThat(problems).anyMatch(p -> p.startsWith("empty frontier"));
  }

  private HeadlessChromium.Page open(UnaryOperator<String> edit, String fragment) throws Exception {
    Path file = dir.resolve("report.html");
    Files.writeString(
        file,
        edit.apply(
            new HtmlReport(run.config(), "spike trace").render(run.comparison(), run.timelines())));
    return HeadlessChromium.open(chromium, dir, file.toUri() + fragment);
  }

  /**
   * What is wrong with the page as drawn: a script error, an unfinished render, a chart missing, or
   * a chart without ink where its data should be.
   */
  static List<String> problems(HeadlessChromium.Page page) {
    List<String> out = new ArrayList<>();
    String dom = page.dom();
    int at = dom.indexOf("data-error=\"");
    if (at >= 0) {
      out.add("script error: " + dom.substring(at, dom.indexOf('"', at + 12) + 1));
    }
    if (!dom.contains("data-rendered=\"4\"")) {
      out.add("render did not complete (4 panels expected)");
    }
    List<HeadlessChromium.Box> boxes = page.boxes();
    if (boxes.stream().filter(b -> b.kind().equals("plot")).count() != 4) {
      out.add("expected 4 plots, found " + boxes);
    }
    if (boxes.stream().noneMatch(b -> b.kind().equals("frontier"))) {
      out.add("no frontier chart");
    }
    for (HeadlessChromium.Box b : boxes) {
      if (b.kind().equals("plot")) {
        // Inside the axes (the script's PAD), where only data is drawn: grid lines are lighter
        // than any mark. An empty plot has next to nothing there; a drawn one at least a line.
        int x0 = b.x() + 58;
        int x1 = b.x() + b.width() - 12;
        int ink = count(page.screenshot(), x0, b.y() + 8, x1, b.y() + b.height() - 29, Ink.ANY);
        if (ink < x1 - x0) {
          out.add("empty plot at " + b + ": " + ink + " pixels of ink");
        }
      } else {
        // Each marker's own pixels, where the chart says it drew it (SVG units are CSS pixels).
        List<FrontierChartTest.Drawn> points = FrontierChartTest.drawn(dom);
        if (points.isEmpty()) {
          out.add("empty frontier: no point in " + b);
        }
        for (FrontierChartTest.Drawn p : points) {
          int x = b.x() + (int) Math.round(p.x());
          int y = b.y() + (int) Math.round(p.y());
          int ink = count(page.screenshot(), x - 5, y - 5, x + 6, y + 6, Ink.ANY);
          if (ink < 40) {
            out.add("empty frontier: " + p.policy() + " " + p.budget() + " has " + ink + " pixels");
          }
        }
      }
    }
    return out;
  }

  /** Colours of the report's marks, allowing for anti-aliasing. */
  enum Ink {
    /** Anything a mark left on the white page: grid lines and the dominance shade are lighter. */
    ANY;

    boolean matches(int rgb) {
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int b = rgb & 0xff;
      return Math.min(r, Math.min(g, b)) < 200;
    }
  }

  private static int count(BufferedImage img, int x0, int y0, int x1, int y1, Ink ink) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
        if (ink.matches(img.getRGB(x, y))) {
          n++;
        }
      }
    }
    return n;
  }
}
