package io.capacityctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

/** A valid config as YAML text, and helpers to break it in one place and read the errors. */
public final class ConfigFixtures {
  public static final String SOURCE = "test.yaml";

  /** Every section, every window kind and both event kinds; Asia/Tokyo. */
  public static final String VALID =
      """
      name: shop
      timezone: Asia/Tokyo
      models:
        sonnet:
          modelId: anthropic.claude-3-sonnet-20240229-v1:0
          tokensPerSecondPerUnit: 1000
          unitHourlyUsd: 7.70
          onDemandUsdPer1kTokens: 0.0045
          onDemandTps: 5000
          minUnits: 0
          maxUnits: 60
          provisioningTime: PT15M
        haiku:
          modelId: anthropic.claude-3-haiku-20240307-v1:0
          tokensPerSecondPerUnit: 3000
          unitHourlyUsd: 2.40
          onDemandUsdPer1kTokens: 0.000375
          onDemandTps: 10000
          maxUnits: 20
          provisioningTime: PT15M
      ecs:
        cluster: shop
        service: orchestrator
        tokensPerSecondPerTask: 500
        minTasks: 4
        maxTasks: 160
        taskHourlyUsd: 0.12
        startupTime: PT2M
      schedule:
        - { from: "02:00", to: "06:00", units: { sonnet: 0, haiku: 0 } }
        - { from: "06:00", to: "12:00", units: { sonnet: 5, haiku: 3 } }
        - { from: "12:00", to: "17:00", expectedTps: { sonnet: 8000, haiku: 9000.5 } }
        - { from: "17:00", to: "02:00", units: { sonnet: 15, haiku: 5 } }
      events:
        - { name: weekly-release, cron: "0 0 0 ? * MON", duration: PT6H, multiplier: 3.0, leadTime: PT4H }
        - { name: final-chapter, start: "2027-01-11T00:00:00+09:00", duration: PT8H, multiplier: 5.0, leadTime: PT4H, models: [sonnet] }
      policy:
        targetUtilization: 0.75
        blockUnits: 2
      budget:
        maxHourlyUsd: 600
      aws:
        region: ap-northeast-1
        metrics:
          kind: custom
          namespace: Shop
          metricName: TokensPerSecond
          modelDimension: Model
      """;

  private ConfigFixtures() {}

  /** {@link #VALID} with {@code old} (which must occur exactly once) replaced. */
  public static String validWith(String old, String replacement) {
    return replaceOnce(VALID, old, replacement);
  }

  public static String replaceOnce(String text, String old, String replacement) {
    int at = text.indexOf(old);
    assertThat(at).as("'%s' occurs in the fixture", old).isNotNegative();
    assertThat(text.indexOf(old, at + 1)).as("'%s' occurs once", old).isNegative();
    return text.substring(0, at) + replacement + text.substring(at + old.length());
  }

  /** 1-based line of the only line containing {@code fragment}. */
  public static int lineOf(String text, String fragment) {
    List<String> lines = text.lines().toList();
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        assertThat(found).as("'%s' is on one line", fragment).isNegative();
        found = i + 1;
      }
    }
    assertThat(found).as("'%s' is in the text", fragment).isPositive();
    return found;
  }

  /** The errors of a config that must be rejected. */
  public static List<ConfigError> errorsOf(String yaml) {
    ConfigException e = rejected(yaml);
    return e.errors();
  }

  public static ConfigException rejected(String yaml) {
    Throwable thrown = catchThrowable(() -> ConfigLoader.parse(yaml, SOURCE));
    assertThat(thrown).as("config is rejected").isInstanceOf(ConfigException.class);
    return (ConfigException) thrown;
  }

  /**
   * Asserts the config is rejected with an error at {@code line} on {@code field} whose message
   * contains {@code message}, and that the exception text names file, line and field.
   */
  public static ConfigError assertError(String yaml, int line, String field, String message) {
    ConfigException e = rejected(yaml);
    assertThat(e.errors())
        .as("errors of the config")
        .anySatisfy(
            err -> {
              assertThat(err.source()).isEqualTo(SOURCE);
              assertThat(err.line()).isEqualTo(line);
              assertThat(err.field()).isEqualTo(field);
              assertThat(err.message()).contains(message);
            });
    assertThat(e.getMessage()).contains(SOURCE + ":" + line + ": " + field + ": ");
    return e.errors().stream()
        .filter(x -> x.line() == line && x.field().equals(field))
        .findFirst()
        .orElseThrow();
  }
}
