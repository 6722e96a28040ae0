package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Budget alert levels at, below and above each threshold, and what a plan spends. */
class SpendTest {

  @ParameterizedTest(name = "${0} of $100/h -> level {1}")
  @CsvSource({
    "0, 0",
    "49.99, 0",
    "50, 50",
    "74.99, 50",
    "75, 75",
    "89.99, 75",
    "90, 90",
    "99.99, 90",
    "100, 100",
    "250, 100"
  })
  void theAlertLevelIsTheHighestThresholdReached(double usd, int level) {
    Spend s = new Spend(usd, 100, "budget.maxHourlyUsd $100.00/h");

    assertThat(s.usedPercent()).isEqualTo(usd);
    assertThat(s.alertLevel()).isEqualTo(level);
    assertThat(s.warning().isPresent()).isEqualTo(level >= 90);
  }

  @Test
  void theWarningAt100PercentSaysScaleUpsAreCut() {
    assertThat(new Spend(100, 100, "budget.maxHourlyUsd $100.00/h").warning())
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith("budget 100%: the plan spends $100.00/h")
                    .contains("budget.maxHourlyUsd $100.00/h")
                    .contains("scale-ups are cut"));
    assertThat(new Spend(91, 100, "cap").warning())
        .hasValueSatisfying(w -> assertThat(w).startsWith("budget 90%").doesNotContain("cut"));
  }

  @Test
  void withoutACapNothingIsReported() {
    Spend s = new Spend(500, 0, "none");

    assertThat(s.capped()).isFalse();
    assertThat(s.alertLevel()).isZero();
    assertThat(s.warning()).isEmpty();
  }

  @Test
  void aPlanSpendsUnitsAndTasksAtTheirHourlyPricesOnDemandExcluded() {
    CapacityConfig config = TestConfig.sonnet(0).ecs().budget("maxHourlyUsd", 100).build();
    Instant now = Instant.parse("2027-01-06T12:00:00Z");
    Plan plan =
        new Plan(
            now,
            Map.of("sonnet", new ModelDecision("sonnet", 5, 10, "x", false)),
            new EcsDecision(4, 20, 100, "y"));

    Spend s = Spend.of(config, plan);

    // 10 x $7.70 + 20 x $0.12 = $79.40: 79.4% of $100, alert level 75.
    assertThat(s.plannedHourlyUsd()).isCloseTo(79.40, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.alertLevel()).isEqualTo(75);
  }
}
