package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.ConfigFixtures;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.SimAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 6: every bad input exits 2 naming the file, line and field (or the option),
 * without a stack trace, in {@code validate} and in the modes that load the same file.
 */
class BadInputExitCodesTest {
  private final SimAccount account = SimAccounts.account();

  private CliRun run(String... args) {
    return CliRun.run(account, args);
  }

  private static void assertBadInput(CliRun run, String expected) {
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void validateAndPlanRefuseTheSameFileTheSameWay(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        ConfigFixtures.validWith("cron: \"0 0 0 ? * MON\"", "cron: \"* * * ? * *\"")
            .replace("unitHourlyUsd: 7.70", "unitHourlyUsd: 1e309"));
    String where = file + ":";

    CliRun validate = run("validate", "--config", file.toString());
    CliRun validateArgument = run("validate", file.toString());
    CliRun plan = run("plan", "--cloud", "sim", "--config", file.toString());

    for (CliRun r : new CliRun[] {validate, validateArgument, plan}) {
      assertBadInput(r, where);
      assertThat(r.err())
          .contains(": models.sonnet.unitHourlyUsd: must be in [0, 10000], got 1e309")
          .contains(": events[0].cron: '* * * ? * *' recurs every 1s");
    }
  }

  @Test
  void aFileTooLargeIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    Files.writeString(file, "name: \"" + "x".repeat(50 << 20) + "\"\n");

    assertBadInput(
        run("validate", "--config", file.toString()),
        file + ": (file): is 52428809 bytes; a configuration is at most 131072 bytes");
  }

  @Test
  void validateRefusesTwoDifferentConfigurations(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, ConfigFixtures.VALID);

    assertBadInput(run("validate", "--config", "mangaassist", file.toString()), "give one");
    assertThat(run("validate", "--config", file.toString(), file.toString()).code()).isZero();
  }

  @Test
  void aMissingFileIsNamed() {
    assertBadInput(run("validate", "--config", "/nonexistent/x.yaml"), "/nonexistent/x.yaml");
  }

  @Test
  void badEventOptionsNameTheOption() {
    assertBadInput(
        run(
            "events",
            "add",
            "--cloud",
            "sim",
            "--name",
            "x",
            "--cron",
            "0 0 0 ? * MON",
            "--duration",
            "8d",
            "--multiplier",
            "2"),
        "--duration: 8d is longer than the 7d between two occurrences of '0 0 0 ? * MON'");
    assertBadInput(
        run(
            "events",
            "add",
            "--cloud",
            "sim",
            "--name",
            "x",
            "--cron",
            "0 0 0 ? * MON",
            "--duration",
            "1h",
            "--multiplier",
            "30"),
        "--multiplier: must be in (0, 10], got 30");
    assertBadInput(
        run(
            "events",
            "add",
            "--cloud",
            "sim",
            "--name",
            "x",
            "--cron",
            "0 0 0 ? * MON",
            "--duration",
            "1h",
            "--multiplier",
            "2",
            "--models",
            "opus"),
        "--models: unknown model 'opus'");
    assertThat(account.state().extraEvents()).isEmpty();
  }
}
