package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateReportTest {

  @Test
  void reportRunsTheChartedPoliciesBesideTheChosenOneAndPrintsThePath(@TempDir Path dir)
      throws Exception {
    Path report = dir.resolve("r.html");

    TokensCli.Result r =
        TokensCli.run(
            "simulate",
            "--days",
            "1",
            "--policy",
            "oracle",
            "--report",
            report.toString(),
            "--report-baseline",
            "target-tracking");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("report (capacityctl and target-tracking) written to " + report)
        .containsPattern("(?m)^target-tracking ")
        .containsPattern("(?m)^capacityctl ")
        .containsPattern("(?m)^oracle ")
        .doesNotContainPattern("(?m)^schedule-only ");
    assertThat(Files.readString(report))
        .contains("<tr data-policy=\"target-tracking\" class=\"marked\">")
        .contains("\"policies\":[\"capacityctl\",\"target-tracking\"]");
  }

  @Test
  void unknownBaselineIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
    TokensCli.Result r =
        TokensCli.run(
            "simulate",
            "--days",
            "1",
            "--report",
            dir.resolve("r.html").toString(),
            "--report-baseline",
            "hpa");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--report-baseline", "'hpa'", "schedule-only");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void capacityctlCannotBeItsOwnBaseline(@TempDir Path dir) {
    TokensCli.Result r =
        TokensCli.run(
            "simulate",
            "--report",
            dir.resolve("r.html").toString(),
            "--report-baseline",
            "capacityctl");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--report-baseline");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void missingDirectoryIsRefusedBeforeTheRun(@TempDir Path dir) {
    TokensCli.Result r =
        TokensCli.run("simulate", "--report", dir.resolve("no/such/r.html").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--report", "does not exist");
  }
}
