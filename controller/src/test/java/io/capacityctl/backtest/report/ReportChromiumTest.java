package io.capacityctl.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.capacityctl.backtest.PolicyName;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in headless Chromium and reads back the DOM its script built. Skipped where
 * Chromium is not installed ({@code apt-get install chromium}); scripts/report-screenshot.sh takes
 * the screenshots.
 */
class ReportChromiumTest {

  @Test
  void scriptDrawsEveryPanelAndCountsTheThrottledMinutes(@TempDir Path dir) throws Exception {
    Optional<Path> chromium = onPath("chromium");
    assumeThat(chromium).as("chromium on PATH").isPresent();
    SpikeRun run = SpikeRun.get();
    Path file = dir.resolve("report.html");
    new HtmlReport(run.config(), "spike trace").write(file, run.results(), run.timelines());

    String dom = dumpDom(chromium.get(), dir, file.toUri() + "#day=2026-12-02");

    assertThat(dom).doesNotContain("data-error").contains("data-rendered=\"4\"");
    // The trace covers 12:00-17:00 JST on that day: the view is local time, clipped to the trace.
    assertThat(dom).contains("Wed 2 Dec 12:00 \u2013 Wed 2 Dec 17:00 (5 h)");
    for (PolicyName p : run.timelines().charted()) {
      int minutes = run.results().get(p).models().get("sonnet").throttledMinutes();
      assertThat(dom).contains("throttled " + minutes + " min (");
    }
  }

  private static String dumpDom(Path chromium, Path dir, String url) throws Exception {
    Path dom = dir.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                List.of(
                    chromium.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + Files.createDirectory(dir.resolve("profile")),
                    "--dump-dom",
                    url))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectOutput(dom.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s");
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  private static Optional<Path> onPath(String name) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
