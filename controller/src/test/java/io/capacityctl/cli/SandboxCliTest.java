package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cloud sim} commands in sequence, as a new user types them: each run of {@code Main} is a
 * process of its own whose only link to the next is the sandbox directory.
 */
class SandboxCliTest {
  @TempDir Path dir;

  private CliRun cli(String... args) {
    return new SandboxCli(dir).cli(args);
  }

  private CliRun sim(String... args) {
    return new SandboxCli(dir).sim(args);
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.code()).as(run.err()).isZero();
    return Json.MAPPER.readTree(run.out());
  }

  @Test
  void anOverrideSetIsListedPlannedAppliedAndShown() throws Exception {
    CliRun set = new SandboxCli(dir).overrideSet("sonnet", 30, "final chapter");
    CliRun list = sim("override", "list");
    CliRun plan = sim("plan");
    CliRun apply = sim("apply", "--yes");
    JsonNode status = json(sim("status", "-o", "json"));

    assertThat(set.code()).as(set.err()).isZero();
    assertThat(list.out()).contains("sonnet 30 units").doesNotContain("no active overrides");
    assertThat(plan.out()).containsPattern("sonnet +\\d+ +30 +.*final chapter");
    assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("ACTED").contains("create sonnet PT");
    JsonNode sonnet = status.get("models").get(0);
    assertThat(sonnet.get("model").asText()).isEqualTo("sonnet");
    assertThat(sonnet.get("targetUnits").asInt()).isEqualTo(30);
    assertThat(sonnet.get("inServiceUnits").asInt() + sonnet.get("creatingUnits").asInt())
        .isEqualTo(30);
    assertThat(status.get("lease").isNull()).as("apply gave the lease back").isTrue();
    assertThat(status.get("lastActions").toString()).contains("cli:");

    // Time passes only when something moves it: the PTs bought come into service.
    CliRun advanced = cli("sandbox", "advance", "20m");
    JsonNode later = json(sim("status", "-o", "json"));
    assertThat(advanced.out()).contains("20 minutes of traffic served");
    assertThat(later.get("models").get(0).get("inServiceUnits").asInt()).isEqualTo(30);
  }

  @Test
  void anAddedEventCanBeRemovedByTheNextCommand() {
    CliRun add =
        sim(
            "events",
            "add",
            "--name",
            "series-finale",
            "--start",
            "2026-12-04T00:00+09:00",
            "--duration",
            "8h",
            "--multiplier",
            "5",
            "--lead-time",
            "4h",
            "--models",
            "sonnet");
    CliRun list = sim("events", "list");
    CliRun remove = sim("events", "remove", "--name", "series-finale");
    CliRun again = sim("events", "remove", "--name", "series-finale");

    assertThat(add.code()).as(add.err()).isZero();
    assertThat(list.out()).contains("state series-finale");
    assertThat(remove.code()).as(remove.err()).isZero();
    assertThat(again.code()).isEqualTo(1);
  }

  @Test
  void showAndResetTellWhatTheSandboxHolds() throws Exception {
    CliRun empty = cli("sandbox", "show");
    new SandboxCli(dir).overrideSet("haiku", 4, "try");
    JsonNode shown = json(cli("sandbox", "show", "-o", "json"));
    CliRun reset = cli("sandbox", "reset");
    CliRun listAfter = sim("override", "list");

    assertThat(empty.out()).contains("holds no account yet");
    assertThat(shown.get("config").asText()).isEqualTo("mangaassist");
    assertThat(shown.get("clock").asText()).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(shown.get("lease").isNull()).isTrue();
    assertThat(shown.get("overrides").get(0).get("target").asText()).isEqualTo("haiku");
    assertThat(reset.out()).startsWith("reset " + dir);
    assertThat(listAfter.out()).contains("no active overrides");
  }

  @Test
  void aConfigurationWithoutTheTracesModelsIsRefusedByName() {
    CliRun other = sim("status", "--config", "schedules/us-business.yaml");

    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).startsWith("--cloud: sim runs on the synthetic MangaAssist trace");
  }
}
