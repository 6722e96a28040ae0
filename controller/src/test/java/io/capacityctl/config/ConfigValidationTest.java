package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.VALID;
import static io.capacityctl.config.ConfigFixtures.assertError;
import static io.capacityctl.config.ConfigFixtures.errorsOf;
import static io.capacityctl.config.ConfigFixtures.lineOf;
import static io.capacityctl.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of invalid config is rejected with an error naming file, line and key. */
class ConfigValidationTest {
  private static final String EVENING =
      "- { from: \"17:00\", to: \"02:00\", units: { sonnet: 15, haiku: 5 } }";
  private static final String RELEASE =
      "- { name: weekly-release, cron: \"0 0 0 ? * MON\", duration: PT6H, multiplier: 3.0,"
          + " leadTime: PT4H }";

  /** {@code old} -> {@code replacement} must give an error on the line of {@code lineText}. */
  private static Arguments bad(
      String old, String replacement, String lineText, String field, String message) {
    return Arguments.of(old, replacement, lineText, field, message);
  }

  @Nested
  class UnknownKeys {
    static Stream<Arguments> cases() {
      return Stream.of(
          bad(
              "timezone: Asia/Tokyo",
              "timezone: Asia/Tokyo\nbugdet: 3",
              "bugdet",
              "bugdet",
              "unknown key 'bugdet' (did you mean 'budget'?)"),
          bad(
              "maxUnits: 60",
              "maxUnit: 60",
              "maxUnit: 60",
              "models.sonnet.maxUnit",
              "did you mean 'maxUnits'?"),
          bad(
              "startupTime: PT2M",
              "startupTime: PT2M\n  colour: red",
              "colour",
              "ecs.colour",
              "unknown key 'colour'; known keys here: cluster, service"),
          bad(
              "from: \"06:00\"",
              "form: \"06:00\"",
              "form:",
              "schedule[1].form",
              "did you mean 'from'?"),
          bad(
              "duration: PT8H",
              "duraton: PT8H",
              "duraton",
              "events[1].duraton",
              "did you mean 'duration'?"),
          bad(
              "blockUnits: 2",
              "blockUnit: 2",
              "blockUnit",
              "policy.blockUnit",
              "did you mean 'blockUnits'?"),
          bad(
              "maxHourlyUsd: 600",
              "maxHourUsd: 600",
              "maxHourUsd",
              "budget.maxHourUsd",
              "did you mean 'maxHourlyUsd'?"),
          bad(
              "region: ap-northeast-1",
              "regoin: ap-northeast-1",
              "regoin",
              "aws.regoin",
              "did you mean 'region'?"),
          bad(
              "modelDimension: Model",
              "modelDimensions: Model",
              "modelDimensions",
              "aws.metrics.modelDimensions",
              "did you mean 'modelDimension'?"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("cases")
    void areRejectedAtEveryLevel(
        String old, String repl, String lineText, String field, String msg) {
      String yaml = validWith(old, repl);
      assertError(yaml, lineOf(yaml, lineText), field, msg);
    }
  }

  @Nested
  class Ranges {
    static Stream<Arguments> cases() {
      return Stream.of(
          bad(
              "tokensPerSecondPerUnit: 1000",
              "tokensPerSecondPerUnit: 0",
              "tokensPerSecondPerUnit: 0",
              "models.sonnet.tokensPerSecondPerUnit",
              "must be in (0, 1000000], got 0"),
          bad(
              "unitHourlyUsd: 7.70",
              "unitHourlyUsd: -7.70",
              "unitHourlyUsd: -7.70",
              "models.sonnet.unitHourlyUsd",
              "must be in [0, 10000], got -7.70"),
          bad(
              "onDemandUsdPer1kTokens: 0.0045",
              "onDemandUsdPer1kTokens: -1",
              "onDemandUsdPer1kTokens: -1",
              "models.sonnet.onDemandUsdPer1kTokens",
              "must be in [0, 100], got -1"),
          bad(
              "onDemandTps: 5000",
              "onDemandTps: -5",
              "onDemandTps: -5",
              "models.sonnet.onDemandTps",
              "must be in [0, 1000000000], got -5"),
          bad(
              "minUnits: 0",
              "minUnits: -1",
              "minUnits: -1",
              "models.sonnet.minUnits",
              "must be in [0, 10000], got -1"),
          bad(
              "maxUnits: 60",
              "maxUnits: 6.5",
              "maxUnits: 6.5",
              "models.sonnet.maxUnits",
              "expected a whole number, got '6.5'"),
          bad(
              "tokensPerSecondPerTask: 500",
              "tokensPerSecondPerTask: 0",
              "tokensPerSecondPerTask",
              "ecs.tokensPerSecondPerTask",
              "must be in (0, 1000000], got 0"),
          bad(
              "minTasks: 4",
              "minTasks: -4",
              "minTasks",
              "ecs.minTasks",
              "must be in [0, 5000], got -4"),
          bad(
              "maxTasks: 160",
              "maxTasks: 0",
              "maxTasks",
              "ecs.maxTasks",
              "must be in [1, 5000], got 0"),
          bad(
              "taskHourlyUsd: 0.12",
              "taskHourlyUsd: -0.12",
              "taskHourlyUsd",
              "ecs.taskHourlyUsd",
              "must be in [0, 1000], got -0.12"),
          bad(
              "targetUtilization: 0.75",
              "targetUtilization: 0",
              "targetUtilization",
              "policy.targetUtilization",
              "must be in (0, 1], got 0"),
          bad(
              "targetUtilization: 0.75",
              "targetUtilization: 1.2",
              "targetUtilization",
              "policy.targetUtilization",
              "must be in (0, 1], got 1.2"),
          bad(
              "blockUnits: 2",
              "blockUnits: 0",
              "blockUnits",
              "policy.blockUnits",
              "must be in [1, 10000], got 0"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  onDemandSafety: 1.5",
              "onDemandSafety",
              "policy.onDemandSafety",
              "must be in [0, 1], got 1.5"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  ecsTargetUtilization: 0",
              "ecsTargetUtilization",
              "policy.ecsTargetUtilization",
              "must be in (0, 1]"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  eventMargin: -0.3",
              "eventMargin",
              "policy.eventMargin",
              "must be in [0, 10], got -0.3"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  throttleBudget: 0.2",
              "throttleBudget",
              "policy.throttleBudget",
              "must be in [0, 5%], got 0.2"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  throttleBudget: Infinity",
              "throttleBudget",
              "policy.throttleBudget",
              "expected a share of tokens such as 0.0001 or \"0.01%\", got 'Infinity'"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  metricsMaxAge: PT0S",
              "metricsMaxAge",
              "policy.metricsMaxAge",
              "must be in (0, 1h], got PT0S"),
          bad(
              "blockUnits: 2",
              "blockUnits: 2\n  drainTime: -PT1M",
              "drainTime",
              "policy.drainTime",
              "must be in [0, 1h], got -PT1M"),
          bad(
              "maxHourlyUsd: 600",
              "maxHourlyUsd: -1",
              "maxHourlyUsd",
              "budget.maxHourlyUsd",
              "must be in [0, 10000000], got -1"),
          bad(
              "duration: PT8H",
              "duration: PT0S",
              "final-chapter",
              "events[1].duration",
              "must be in [1m, 31d], got PT0S"),
          bad(
              "multiplier: 5.0",
              "multiplier: 0",
              "final-chapter",
              "events[1].multiplier",
              "must be in (0, 10], got 0"),
          bad(
              "leadTime: PT4H, models",
              "leadTime: -PT4H, models",
              "final-chapter",
              "events[1].leadTime",
              "must be in [0, 7d], got -PT4H"),
          bad(
              "units: { sonnet: 5, haiku: 3 }",
              "units: { sonnet: -5, haiku: 3 }",
              "from: \"06:00\"",
              "schedule[1].units.sonnet",
              "must be in [0, 10000], got -5"),
          bad(
              "haiku: 9000.5",
              "haiku: -1",
              "from: \"12:00\"",
              "schedule[2].expectedTps.haiku",
              "must be in [0, 1000000000], got -1"),
          bad(
              "units: { sonnet: 5, haiku: 3 }",
              "units: { sonnet: 61, haiku: 3 }",
              "from: \"06:00\"",
              "schedule[1].units.sonnet",
              "must be <= models.sonnet.maxUnits (60), got 61"),
          bad(
              "name: shop",
              "name: my shop",
              "name: my shop",
              "name",
              "use letters, digits and '-' only, got 'my shop'"),
          bad(
              "region: ap-northeast-1",
              "region: Tokyo",
              "region",
              "aws.region",
              "expected an AWS region such as ap-northeast-1, got 'Tokyo'"),
          bad(
              "kind: custom",
              "kind: custon",
              "kind",
              "aws.metrics.kind",
              "'custon' is not one of [model-id, pt-arns, custom] (did you mean 'custom'?)"));
    }

    @ParameterizedTest(name = "{3}: {4}")
    @MethodSource("cases")
    void outOfRangeValuesAreRejected(
        String old, String repl, String lineText, String field, String msg) {
      String yaml = validWith(old, repl);
      assertError(yaml, lineOf(yaml, lineText), field, msg);
    }

    @Test
    void minUnitsAboveMaxUnits() {
      String yaml = validWith("minUnits: 0", "minUnits: 61");
      assertError(
          yaml,
          lineOf(yaml, "minUnits: 61"),
          "models.sonnet.minUnits",
          "minUnits 61 is above maxUnits 60");
    }

    @Test
    void minTasksAboveMaxTasks() {
      String yaml = validWith("minTasks: 4", "minTasks: 200");
      assertError(
          yaml, lineOf(yaml, "minTasks"), "ecs.minTasks", "minTasks 200 is above maxTasks 160");
    }
  }

  @Nested
  class Formats {
    static Stream<Arguments> cases() {
      return Stream.of(
          bad(
              "startupTime: PT2M",
              "startupTime: 2 minutes",
              "startupTime",
              "ecs.startupTime",
              "expected a duration such as 6h, 90m, 1h30m, 2d or PT6H, got '2 minutes'"),
          bad(
              "duration: PT6H",
              "duration: 6 h",
              "weekly-release",
              "events[0].duration",
              "expected a duration such as 6h, 90m, 1h30m, 2d or PT6H, got '6 h'"),
          bad(
              "timezone: Asia/Tokyo",
              "timezone: Asia/Tokio",
              "timezone",
              "timezone",
              "unknown time zone 'Asia/Tokio' (did you mean 'Asia/Tokyo'?)"),
          bad(
              "timezone: Asia/Tokyo",
              "timezone: \"+09:00\"",
              "timezone",
              "timezone",
              "is a fixed offset; name an IANA time zone"),
          bad(
              "from: \"06:00\"",
              "from: \"24:00\"",
              "24:00",
              "schedule[1].from",
              "expected a time of day HH:mm between 00:00 and 23:59, got '24:00'"),
          bad(
              "to: \"12:00\"",
              "to: \"12:60\"",
              "12:60",
              "schedule[1].to",
              "expected a time of day"),
          bad("from: \"06:00\"", "from: \"6:00\"", "\"6:00\"", "schedule[1].from", "got '6:00'"),
          bad(
              EVENING,
              EVENING.replace("units", "days: [MON, TUES], units"),
              "from: \"17:00\"",
              "schedule[3].days[1]",
              "unknown day 'TUES' (did you mean 'TUE'?)"),
          bad(
              EVENING,
              EVENING.replace("units", "days: [], units"),
              "from: \"17:00\"",
              "schedule[3].days",
              "must not be empty"),
          bad(
              "cron: \"0 0 0 ? * MON\"",
              "cron: \"0 0 25 ? * MON\"",
              "weekly-release",
              "events[0].cron",
              "bad cron expression '0 0 25 ? * MON': Hour values must be between 0"),
          bad(
              "cron: \"0 0 0 ? * MON\"",
              "cron: \"0 0 0 * * MON\"",
              "weekly-release",
              "events[0].cron",
              "day-of-week AND a day-of-month"),
          bad(
              "cron: \"0 0 0 ? * MON\"",
              "cron: \"0 0 0 30 2 ?\"",
              "weekly-release",
              "events[0].cron",
              "never fires"),
          bad(
              "start: \"2027-01-11T00:00:00+09:00\"",
              "start: \"2027-01-11T00:00:00\"",
              "final-chapter",
              "events[1].start",
              "expected an ISO-8601 date-time with offset such as 2027-01-11T00:00:00+09:00"));
    }

    @ParameterizedTest(name = "{3}: {4}")
    @MethodSource("cases")
    void malformedValuesAreRejected(
        String old, String repl, String lineText, String field, String msg) {
      String yaml = validWith(old, repl);
      assertError(yaml, lineOf(yaml, lineText), field, msg);
    }
  }

  @Nested
  class Structure {
    @Test
    void missingRequiredKeys() {
      String noName = validWith("name: shop\n", "");
      assertError(noName, 1, "name", "missing required key 'name'");

      String noMax = validWith("    maxUnits: 20\n", "");
      assertError(
          noMax,
          lineOf(noMax, "  haiku:"),
          "models.haiku.maxUnits",
          "missing required key 'maxUnits'");

      String noFrom = validWith("from: \"06:00\", ", "");
      assertError(
          noFrom,
          lineOf(noFrom, "to: \"12:00\""),
          "schedule[1].from",
          "missing required key 'from'");

      String noMultiplier = validWith("multiplier: 3.0, ", "");
      assertError(
          noMultiplier,
          lineOf(noMultiplier, "weekly-release"),
          "events[0].multiplier",
          "missing required key 'multiplier'");
    }

    @Test
    void aKeyWithoutValueIsNotAValue() {
      String yaml = validWith("maxUnits: 60", "maxUnits:");
      assertError(
          yaml,
          lineOf(VALID, "maxUnits: 60"),
          "models.sonnet.maxUnits",
          "expected a whole number, got no value");
    }

    @Test
    void wrongShapes() {
      String listForMap = validWith("budget:\n  maxHourlyUsd: 600", "budget:\n  - 600");
      assertError(
          listForMap, lineOf(listForMap, "budget:"), "budget", "expected a map, got a list");

      String mapForScalar = validWith("maxUnits: 60", "maxUnits: { value: 60 }");
      assertError(
          mapForScalar,
          lineOf(mapForScalar, "value: 60"),
          "models.sonnet.maxUnits",
          "expected a whole number, got a map");

      String scalarForList = validWith("models: [sonnet]", "models: sonnet");
      assertError(
          scalarForList,
          lineOf(scalarForList, "final-chapter"),
          "events[1].models",
          "expected a list, got 'sonnet'");

      String scalarForSchedule =
          VALID.replaceAll("(?s)schedule:.*?events:", "schedule: daily\nevents:");
      assertError(
          scalarForSchedule,
          lineOf(scalarForSchedule, "schedule:"),
          "schedule",
          "expected a list, got 'daily'");

      String listForModels = "name: x\ntimezone: UTC\nmodels: [a, b]\nschedule: []\n";
      assertError(
          listForModels, 3, "models", "expected a map of model key to settings, got a list");

      String notAMap = "- just\n- a list\n";
      assertError(notAMap, 1, "(document)", "expected a map, got a list");
    }

    @Test
    void unknownModels() {
      String inWindow =
          validWith("units: { sonnet: 5, haiku: 3 }", "units: { sonet: 5, haiku: 3 }");
      int line = lineOf(inWindow, "sonet: 5");
      assertError(
          inWindow,
          line,
          "schedule[1].units.sonet",
          "unknown model 'sonet' (did you mean 'sonnet'?); models are sonnet, haiku");

      String inEvent = validWith("models: [sonnet]", "models: [sonnet, opus]");
      assertError(inEvent, lineOf(inEvent, "opus"), "events[1].models[1]", "unknown model 'opus'");
    }

    @Test
    void everyWindowMustGiveEveryModel() {
      String yaml = validWith("units: { sonnet: 5, haiku: 3 }", "units: { sonnet: 5 }");
      assertError(
          yaml,
          lineOf(yaml, "from: \"06:00\""),
          "schedule[1].units.haiku",
          "missing model 'haiku': every window must give every model (0 for none)");
    }

    @Test
    void aWindowGivesUnitsOrExpectedTpsNotBoth() {
      String both =
          validWith(
              "units: { sonnet: 15, haiku: 5 } }",
              "units: { sonnet: 15, haiku: 5 }, expectedTps: { sonnet: 1, haiku: 1 } }");
      assertError(
          both,
          lineOf(both, "from: \"17:00\""),
          "schedule[3]",
          "give exactly one of 'units' or 'expectedTps'");

      String neither = validWith(", units: { sonnet: 15, haiku: 5 } }", " }");
      assertError(
          neither,
          lineOf(neither, "from: \"17:00\""),
          "schedule[3]",
          "give exactly one of 'units' or 'expectedTps'");
    }

    @Test
    void anEventIsRecurringOrOneOffNotBoth() {
      String both =
          validWith("name: final-chapter,", "name: final-chapter, cron: \"0 0 0 ? * MON\",");
      assertError(
          both,
          lineOf(both, "final-chapter"),
          "events[1]",
          "give exactly one of cron (recurring) or start (one-off)");

      String neither = validWith("cron: \"0 0 0 ? * MON\", ", "");
      assertError(
          neither,
          lineOf(neither, "weekly-release"),
          "events[0]",
          "give exactly one of cron (recurring) or start (one-off)");
    }

    @Test
    void eventNamesAreUnique() {
      String yaml = validWith("name: final-chapter", "name: weekly-release");
      int second = lineOf(yaml, "2027-01-11");
      assertError(
          yaml,
          second,
          "events[1].name",
          "duplicate event name 'weekly-release' (first at line " + lineOf(yaml, "MON") + ")");
    }

    @Test
    void customMetricsNeedTheirKeysAndOthersRefuseThem() {
      String missing = validWith("    namespace: Shop\n", "");
      assertError(
          missing,
          lineOf(missing, "metrics:"),
          "aws.metrics.namespace",
          "required when kind is custom");

      String unused = validWith("kind: custom", "kind: model-id");
      assertError(
          unused,
          lineOf(unused, "metricName"),
          "aws.metrics.metricName",
          "only used when kind is custom (kind is model-id)");
    }

    @Test
    void duplicateKeysAreReportedByLine() {
      String yaml = validWith("maxUnits: 60", "maxUnits: 60\n    maxUnits: 70");
      assertError(yaml, lineOf(yaml, "maxUnits: 70"), "models.sonnet.maxUnits", "duplicate key");
    }

    @Test
    void syntaxErrorsNameTheLine() {
      String yaml = validWith("blockUnits: 2", "blockUnits: [2");
      assertThat(errorsOf(yaml))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.field()).isEqualTo("(syntax)");
                assertThat(e.line()).isGreaterThanOrEqualTo(lineOf(yaml, "blockUnits"));
              });
    }

    @Test
    void anEmptyModelsMapIsRejected() {
      String yaml = "name: x\ntimezone: UTC\nmodels: {}\nschedule: []\n";
      assertError(yaml, 3, "models", "must name at least one model");
    }
  }

  @Nested
  class Coverage {
    @Test
    void anUncoveredRangeNamesDayAndMinutes() {
      String yaml =
          validWith("  - { from: \"02:00\", to: \"06:00\", units: { sonnet: 0, haiku: 0 } }\n", "");
      var errors = errorsOf(yaml);
      int scheduleLine = lineOf(yaml, "schedule:");
      assertThat(errors).hasSize(7);
      assertError(
          yaml,
          scheduleLine,
          "schedule",
          "MON 02:00-06:00 is not covered by any window; every minute of every day needs one");
      assertError(yaml, scheduleLine, "schedule", "SUN 02:00-06:00 is not covered");
    }

    @Test
    void aWindowLimitedToSomeDaysLeavesTheOthersUncovered() {
      String yaml =
          validWith(
              "- { from: \"02:00\", to: \"06:00\",",
              "- { from: \"02:00\", to: \"06:00\", days: [MON, TUE, WED, THU, FRI, SAT],");
      assertThat(errorsOf(yaml))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).startsWith("SUN 02:00-06:00 is not covered"));
    }

    @Test
    void aWindowWrappingMidnightCoversTheNextMorningOfItsStartDay() {
      // 17:00-02:00 on FRI only: Saturday 00:00-02:00 is covered, Monday 00:00-02:00 is not
      // (Sunday's evening is missing), and the other evenings are gaps.
      String yaml = validWith(EVENING, EVENING.replace("units", "days: [FRI], units"));
      var messages = errorsOf(yaml).stream().map(ConfigError::message).toList();
      assertThat(messages)
          .anyMatch(m -> m.startsWith("MON 00:00-02:00 is not covered"))
          .anyMatch(m -> m.startsWith("MON 17:00-24:00 is not covered"))
          .anyMatch(m -> m.startsWith("THU 17:00-24:00 is not covered"))
          .noneMatch(m -> m.startsWith("SAT 00:00"))
          .noneMatch(m -> m.startsWith("FRI 17:00"))
          .anyMatch(m -> m.startsWith("SAT 17:00-24:00 is not covered"));
    }

    @Test
    void anOverlapNamesBothWindowsByLine() {
      String yaml = validWith("to: \"12:00\"", "to: \"13:00\"");
      int morning = lineOf(yaml, "from: \"06:00\"");
      int afternoon = lineOf(yaml, "12:00\", to: \"17:00\"");
      assertError(
          yaml,
          afternoon,
          "schedule[2]",
          "MON 12:00-13:00 is covered by more than one window: line "
              + morning
              + " (schedule[1]), line "
              + afternoon
              + " (schedule[2])");
      assertThat(errorsOf(yaml)).hasSize(7);
    }

    @Test
    void aWholeDayWindowCoversTheDay() throws Exception {
      String yaml =
          VALID.replaceAll(
              "(?s)schedule:.*?events:",
              "schedule:\n  - { from: \"07:00\", to: \"07:00\", units: { sonnet: 1, haiku: 1 } }\nevents:");
      assertThat(ConfigLoader.parse(yaml, ConfigFixtures.SOURCE).schedule()).hasSize(1);

      String twice =
          VALID.replaceAll(
              "(?s)schedule:.*?events:",
              "schedule:\n  - { from: \"00:00\", to: \"00:00\", units: { sonnet: 1, haiku: 1 } }\n"
                  + "  - { from: \"00:00\", to: \"00:00\", days: [WED], units: { sonnet: 1, haiku: 1 } }\nevents:");
      assertError(
          twice,
          lineOf(twice, "days: [WED]"),
          "schedule[1]",
          "WED 00:00-24:00 is covered by more than one window");
    }
  }

  @Test
  void everyErrorIsReportedAtOnce() {
    String yaml =
        validWith("maxUnits: 60", "maxUnits: -1")
            .replace("timezone: Asia/Tokyo", "timezone: Mars/Olympus")
            .replace("duration: PT6H", "duration: six hours")
            .replace("blockUnits: 2", "blockUnits: 0");
    var fields = errorsOf(yaml).stream().map(ConfigError::field).toList();
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "timezone", "models.sonnet.maxUnits", "events[0].duration", "policy.blockUnits");
  }
}
