package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.yaml.YamlNode;
import io.capacityctl.config.yaml.YamlTree;
import io.capacityctl.tokens.CapacityEstimator;
import io.capacityctl.tokens.EstimateReport;
import io.capacityctl.tokens.ModelEstimate;
import io.capacityctl.tokens.PromptMeasurer;
import io.capacityctl.tokens.TestConfigs;
import io.capacityctl.tokens.intents.IntentsLoader;
import io.capacityctl.tokens.intents.ShippedIntents;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensEstimateCommandTest {
  private static EstimateReport report;

  @BeforeAll
  static void estimateShippedIntents() throws Exception {
    report =
        new CapacityEstimator(new PromptMeasurer())
            .estimate(IntentsLoader.load(ShippedIntents.path()), TestConfigs.mangaassist());
  }

  @Test
  void tableListsEveryIntentAndModelWithUnitsAndCost() {
    String table = EstimateTable.render(report);

    assertThat(table).contains("taste-profile", "recommendation", "chapter-qa");
    ModelEstimate sonnet = report.models().get(0);
    assertThat(table)
        .containsPattern("\\nsonnet\\s+[\\d,]+\\s+1,000\\s+80%\\s+" + sonnet.units() + "\\s+60\\s+")
        .contains(String.format("%,.0f", sonnet.monthlyUsd()))
        .contains(
            String.format("total monthly USD at peak units: %,.0f", report.totalMonthlyUsd()));
  }

  @Test
  void jsonCarriesTheSameNumbers() throws Exception {
    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(report));

    assertThat(json.get("intents")).hasSize(3);
    assertThat(json.get("intents").get(0).get("p95").asLong())
        .isEqualTo(report.intents().get(0).p95());
    assertThat(json.get("models").get(1).get("units").asInt())
        .isEqualTo(report.models().get(1).units());
    assertThat(json.get("schedule").get(3).get("from").asText()).isEqualTo("17:00");
  }

  @Test
  void scheduleSnippetIsYamlWithExpectedTpsPerWindow() throws Exception {
    String snippet = ScheduleSnippet.render(report);

    YamlNode root = YamlTree.parse(snippet, "snippet");
    YamlNode evening = root.get("schedule").items().get(3);
    assertThat(evening.get("from").scalar()).isEqualTo("17:00");
    assertThat(evening.get("to").scalar()).isEqualTo("02:00");
    assertThat(Long.parseLong(evening.get("expectedTps").get("sonnet").scalar()))
        .isEqualTo(report.schedule().get(3).expectedTps().get("sonnet"));
    assertThat(root.get("schedule").items()).hasSize(4);
  }

  @Test
  void badIntentsFileExitsTwoBeforeTheConfigIsRead(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("intents.yaml");
    Files.writeString(bad, "intents:\n  qa:\n    model: haiku\n    colour: blue\n");

    TokensCli.Result r = TokensCli.run("tokens", "estimate", "--intents", bad.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(bad + ":4: intents.qa.colour: unknown key");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void emitScheduleAndOutputTogetherIsAUsageError() {
    TokensCli.Result r =
        TokensCli.run(
            "tokens",
            "estimate",
            "--intents",
            ShippedIntents.path().toString(),
            "--emit-schedule",
            "--output",
            "json");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--emit-schedule").contains("--output");
  }

  @Test
  void unreadableConfigExitsTwo(@TempDir Path dir) {
    TokensCli.Result r =
        TokensCli.run(
            "tokens",
            "estimate",
            "--intents",
            ShippedIntents.path().toString(),
            "--config",
            dir.resolve("missing.yaml").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("missing.yaml");
  }

  @Test
  void estimatesWithTheBundledConfigByDefault() {
    assumeRealConfigLoader();

    TokensCli.Result table =
        TokensCli.run("tokens", "estimate", "--intents", ShippedIntents.path().toString());
    TokensCli.Result schedule =
        TokensCli.run(
            "tokens", "estimate", "--intents", ShippedIntents.path().toString(), "--emit-schedule");

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("taste-profile").contains("Models (config mangaassist)");
    assertThat(schedule.exitCode()).as(schedule.err()).isZero();
    assertThat(schedule.out()).contains("schedule:").contains("expectedTps: { sonnet: ");
  }

  /**
   * This branch compiles against a placeholder ConfigLoader until the config branch is merged; the
   * end-to-end test runs from then on.
   */
  private static void assumeRealConfigLoader() {
    try {
      ConfigLoader.loadResource(TokensEstimateCommand.BUNDLED_CONFIG);
    } catch (ConfigException e) {
      assumeThat(e.getMessage()).doesNotContain("not merged into this branch");
    }
  }
}
