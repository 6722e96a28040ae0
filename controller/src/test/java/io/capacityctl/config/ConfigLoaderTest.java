package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.SOURCE;
import static io.capacityctl.config.ConfigFixtures.VALID;
import static io.capacityctl.config.ConfigFixtures.lineOf;
import static io.capacityctl.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid config binds to the records exactly; defaults fill what is left out. */
class ConfigLoaderTest {

  @Test
  void bindsEverySection() throws Exception {
    CapacityConfig c = ConfigLoader.parse(VALID, SOURCE);

    assertThat(c.name()).isEqualTo("shop");
    assertThat(c.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(c.source()).isEqualTo(SOURCE);
    assertThat(c.modelKeys()).containsExactly("sonnet", "haiku");
    assertThat(c.model("sonnet"))
        .isEqualTo(
            new ModelConfig(
                "sonnet",
                "anthropic.claude-3-sonnet-20240229-v1:0",
                1000,
                7.70,
                0.0045,
                5000,
                0,
                60,
                Duration.ofMinutes(15)));
    assertThat(c.model("haiku").minUnits()).as("minUnits defaults to 0").isZero();
    assertThat(c.ecs())
        .isEqualTo(new EcsConfig("shop", "orchestrator", 500, 4, 160, 0.12, Duration.ofMinutes(2)));

    assertThat(c.schedule()).hasSize(4);
    ScheduleWindow evening = c.schedule().get(3);
    assertThat(evening.from()).isEqualTo(LocalTime.of(17, 0));
    assertThat(evening.to()).isEqualTo(LocalTime.of(2, 0));
    assertThat(evening.units()).isEqualTo(Map.of("sonnet", 15, "haiku", 5));
    assertThat(evening.expectedTps()).isEmpty();
    assertThat(evening.days()).isEmpty();
    assertThat(evening.line()).isEqualTo(lineOf(VALID, "from: \"17:00\""));
    ScheduleWindow afternoon = c.schedule().get(2);
    assertThat(afternoon.units()).isEmpty();
    assertThat(afternoon.expectedTps()).isEqualTo(Map.of("sonnet", 8000.0, "haiku", 9000.5));

    assertThat(c.events())
        .containsExactly(
            new EventSpec(
                "weekly-release",
                "0 0 0 ? * MON",
                null,
                Duration.ofHours(6),
                3.0,
                Duration.ofHours(4),
                Set.of()),
            new EventSpec(
                "final-chapter",
                null,
                OffsetDateTime.parse("2027-01-11T00:00:00+09:00"),
                Duration.ofHours(8),
                5.0,
                Duration.ofHours(4),
                Set.of("sonnet")));

    PolicyConfig d = PolicyConfig.DEFAULTS;
    assertThat(c.policy())
        .isEqualTo(
            new PolicyConfig(
                0.75,
                d.escalateAfter(),
                d.scaleDownStabilization(),
                d.onDemandSafety(),
                2,
                d.ecsTargetUtilization(),
                d.drainTime(),
                d.metricsMaxAge(),
                d.eventMargin(),
                d.throttleBudget()));
    assertThat(c.budget()).isEqualTo(new BudgetConfig(600, 0));
    assertThat(c.aws())
        .isEqualTo(
            new AwsSettings(
                "ap-northeast-1",
                "capacityctl-shop-",
                "/capacityctl/shop/routes",
                "capacityctl-shop",
                new AwsSettings.MetricsSource("custom", "Shop", "TokensPerSecond", "Model")));
  }

  @Test
  void aThrottleBudgetIsAFractionOrAPercentage() throws Exception {
    String fraction = validWith("blockUnits: 2", "blockUnits: 2\n  throttleBudget: 0.0002");
    String percent = validWith("blockUnits: 2", "blockUnits: 2\n  throttleBudget: \"0.05%\"");
    assertThat(ConfigLoader.parse(fraction, SOURCE).policy().throttleBudget()).isEqualTo(0.0002);
    assertThat(ConfigLoader.parse(percent, SOURCE).policy().throttleBudget())
        .isCloseTo(0.0005, within(1e-12));
    assertThat(ConfigLoader.parse(VALID, SOURCE).policy().throttleBudget())
        .isEqualTo(PolicyConfig.DEFAULT_THROTTLE_BUDGET);
  }

  @Test
  void optionalSectionsDefault() throws Exception {
    String minimal =
        """
        name: tiny
        timezone: UTC
        models:
          m:
            modelId: x
            tokensPerSecondPerUnit: 1
            unitHourlyUsd: 1
            onDemandUsdPer1kTokens: 0
            onDemandTps: 0
            maxUnits: 1
            provisioningTime: PT10M
        schedule:
          - { from: "00:00", to: "00:00", units: { m: 1 } }
        """;
    CapacityConfig c = ConfigLoader.parse(minimal, SOURCE);

    assertThat(c.ecs()).isNull();
    assertThat(c.ecsConfig()).isEmpty();
    assertThat(c.events()).isEmpty();
    assertThat(c.policy()).isEqualTo(PolicyConfig.DEFAULTS);
    assertThat(c.budget()).isEqualTo(BudgetConfig.NONE);
    assertThat(c.aws()).isEqualTo(AwsSettings.defaultsFor("tiny"));
  }

  @Test
  void awsDefaultsFieldByField() throws Exception {
    String yaml =
        ConfigFixtures.replaceOnce(
            validWith(
                """
                  metrics:
                    kind: custom
                    namespace: Shop
                    metricName: TokensPerSecond
                    modelDimension: Model
                """,
                ""),
            "region: ap-northeast-1",
            "stateTable: shop-state");

    AwsSettings aws = ConfigLoader.parse(yaml, SOURCE).aws();

    AwsSettings d = AwsSettings.defaultsFor("shop");
    assertThat(aws)
        .isEqualTo(
            new AwsSettings(
                d.region(), d.ptNamePrefix(), d.routesParameter(), "shop-state", d.metrics()));
  }

  @Test
  void scalarsAreTakenAsWrittenNotAsYaml11() throws Exception {
    // YAML 1.1 reads unquoted 02:00 as the number 120 (base 60) and NO as false.
    String yaml =
        validWith(
                "- { from: \"02:00\", to: \"06:00\", units: { sonnet: 0, haiku: 0 } }",
                "- { from: 02:00, to: 06:00, units: { sonnet: 0, haiku: 0 } }")
            .replace("modelId: anthropic.claude-3-haiku-20240307-v1:0", "modelId: NO");

    CapacityConfig c = ConfigLoader.parse(yaml, SOURCE);

    assertThat(c.schedule().get(0).from()).isEqualTo(LocalTime.of(2, 0));
    assertThat(c.schedule().get(0).to()).isEqualTo(LocalTime.of(6, 0));
    assertThat(c.model("haiku").modelId()).isEqualTo("NO");
  }

  @Test
  void daysAreReadCaseInsensitively() throws Exception {
    String yaml =
        validWith(
            "- { from: \"17:00\", to: \"02:00\", units: { sonnet: 15, haiku: 5 } }",
            """
            - { from: "17:00", to: "02:00", days: [mon, TUE, Wed, THU, FRI], units: { sonnet: 15, haiku: 5 } }
              - { from: "17:00", to: "02:00", days: [SAT, SUN], units: { sonnet: 20, haiku: 5 } }""");

    CapacityConfig c = ConfigLoader.parse(yaml, SOURCE);

    assertThat(c.schedule().get(3).days())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(c.schedule().get(4).days())
        .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  @Test
  void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, VALID);
    assertThat(ConfigLoader.load(good).source()).isEqualTo(good.toString());

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, validWith("maxUnits: 60", "maxUnits: -1"));
    assertThatThrownBy(() -> ConfigLoader.load(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            bad
                + ":"
                + lineOf(VALID, "maxUnits: 60")
                + ": models.sonnet.maxUnits: must be in [0, 10000], got -1");
  }

  @Test
  void aMissingFileIsAConfigError(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("cannot read");
  }

  @Test
  void loadsTheBundledConfigFromTheClasspath() throws Exception {
    CapacityConfig c = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    assertThat(c.name()).isEqualTo("mangaassist");
    assertThat(c.source()).isEqualTo("classpath:schedules/mangaassist.yaml");
  }

  @Test
  void aMissingResourceIsAConfigError() {
    assertThatThrownBy(() -> ConfigLoader.loadResource("schedules/nope.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("classpath:schedules/nope.yaml")
        .hasMessageContaining("no such resource");
  }
}
