package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.assertError;
import static io.capacityctl.config.ConfigFixtures.lineOf;
import static io.capacityctl.config.ConfigFixtures.rejected;
import static io.capacityctl.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 3: what {@code validate} used to accept and {@code run} then choked on. Each test
 * failed on the main of 2025-session 6 (a0160bf) and names the finding it reproduces.
 */
class InputFindingsTest {

  @Test
  void aNumberBeyondTheDoubleRangeIsRefusedNotReadAsInfinity() {
    String yaml = validWith("unitHourlyUsd: 7.70", "unitHourlyUsd: 1e309");
    assertError(
        yaml,
        lineOf(yaml, "1e309"),
        "models.sonnet.unitHourlyUsd",
        "must be in [0, 10000], got 1e309");
  }

  @Test
  void aWholeNumberTooLargeIsRefusedWithItsRangeNotAsNotAWholeNumber() {
    String yaml = validWith("maxUnits: 60", "maxUnits: 1000000000");
    ConfigError e =
        assertError(
            yaml,
            lineOf(yaml, "1000000000"),
            "models.sonnet.maxUnits",
            "must be in [0, 10000], got 1000000000");
    assertThat(e.message()).doesNotContain("whole number");
  }

  @Test
  void anEventMultiplierOfThirtyOrOneE308IsRefused() {
    for (String absurd : new String[] {"30", "1e308"}) {
      String yaml = validWith("multiplier: 5.0", "multiplier: " + absurd);
      assertError(
          yaml,
          lineOf(yaml, "final-chapter"),
          "events[1].multiplier",
          "must be in (0, 10], got " + absurd);
    }
  }

  @Test
  void aCronFiringEverySecondIsRefusedWithTheReason() {
    String yaml = validWith("cron: \"0 0 0 ? * MON\"", "cron: \"* * * ? * *\"");
    assertError(
        yaml,
        lineOf(yaml, "weekly-release"),
        "events[0].cron",
        "recurs every 1s; an event recurs at most once a minute");
  }

  @Test
  void anEveryMinuteCronIsRefusedForTheOccurrencesItWouldAdd() {
    String yaml =
        validWith(
            "cron: \"0 0 0 ? * MON\", duration: PT6H", "cron: \"0 * * ? * *\", duration: PT1M");
    assertError(
        yaml,
        lineOf(yaml, "weekly-release"),
        "events[0].cron",
        "fires 1440 times a day; the events of a calendar may fire at most 96 times a day");
  }

  @Test
  void anEventRecurringMoreOftenThanItLastsIsRefused() {
    String yaml =
        validWith(
            "cron: \"0 0 0 ? * MON\", duration: PT6H", "cron: \"0 0 0 * * ?\", duration: PT30H");
    assertError(
        yaml,
        lineOf(yaml, "weekly-release"),
        "events[0].duration",
        "PT30H is longer than the 1d between two occurrences of '0 0 0 * * ?'");
  }

  @Test
  void tenThousandEventsAreRefusedAndSoAreFiveHundredAndOne() {
    String tenThousand = validWith("events:\n", "events:\n" + oneOffs(10_000));
    assertThat(rejected(tenThousand).errors())
        .singleElement()
        .satisfies(err -> assertThat(err.message()).contains("a configuration is at most"));

    String yaml = validWith("events:\n", "events:\n" + oneOffs(499));
    assertError(yaml, lineOf(yaml, "events:"), "events", "501 events; at most 500 in a calendar");
  }

  private static String oneOffs(int n) {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < n; i++) {
      many.append("  - {name: e")
          .append(i)
          .append(", start: \"2027-02-01T00:00:00+09:00\", duration: 1h, multiplier: 2}\n");
    }
    return many.toString();
  }

  @Test
  void aNameOrModelKeyEndingInASeparatorIsRefused() {
    String name = validWith("name: shop", "name: shop-");
    assertError(name, lineOf(name, "name: shop-"), "name", "must not end with '-' or '_'");
    String key = validWith("  haiku:\n    modelId", "  haiku_:\n    modelId");
    assertError(key, lineOf(key, "haiku_:"), "models.haiku_", "must not end with '-' or '_'");
  }

  @Test
  void aNameLongEnoughToOverflowThePtNamesIsRefused() {
    String yaml = validWith("name: shop", "name: " + "s".repeat(28));
    assertError(
        yaml,
        lineOf(yaml, "name: sss"),
        "name",
        "PT names would be up to 68 characters; Bedrock allows 63");
  }

  @Test
  void aStateTableOrRoutesParameterAwsRefusesIsRefused() {
    String table =
        validWith("region: ap-northeast-1", "region: ap-northeast-1\n  stateTable: \"my table\"");
    assertError(
        table,
        lineOf(table, "stateTable"),
        "aws.stateTable",
        "DynamoDB table names are 3-255 characters");
    String parameter =
        validWith(
            "region: ap-northeast-1", "region: ap-northeast-1\n  routesParameter: /aws/routes");
    assertError(
        parameter,
        lineOf(parameter, "routesParameter"),
        "aws.routesParameter",
        "SSM parameter names cannot begin with 'aws' or 'ssm'");
  }

  @Test
  void anEightMegabyteStringIsRefusedForTheSizeOfTheConfiguration() {
    String yaml =
        validWith(
            "modelId: anthropic.claude-3-haiku-20240307-v1:0",
            "modelId: \"" + "x".repeat(8 << 20) + "\"");
    ConfigException e = rejected(yaml);
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("(file)");
              assertThat(err.message()).contains("a configuration is at most 131072 bytes");
            });
  }

  @Test
  void aFiftyMegabyteFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "name: \"" + "x".repeat(50 << 20) + "\"\n");
    ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(big), ConfigException.class);
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .isEqualTo(big + ": (file): is 52428809 bytes; a configuration is at most 131072 bytes");
  }
}
