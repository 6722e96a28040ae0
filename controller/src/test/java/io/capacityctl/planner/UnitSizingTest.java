package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.testing.TestConfig;
import org.junit.jupiter.api.Test;

/** Units for a demand level at the configured prices: the break-even rule and the headroom. */
class UnitSizingTest {
  private static final double SAFETY = 0.6;
  // $7.70 a unit-hour against 1000 tps x 3600 s x $0.0045/1k = $16.20 on demand: break-even 0.475.
  private static final ModelConfig SONNET = TestConfig.sonnet(0).build().model("sonnet");

  @Test
  void breakEvenIsTheUtilizationAtWhichAUnitCostsWhatOnDemandWould() {
    assertThat(SONNET.breakEvenUtilization()).isCloseTo(7.70 / 16.2, within(1e-9));
  }

  @Test
  void buysAUnitForAFractionOnlyAboveBreakEven() {
    assertThat(UnitSizing.costOptimalUnits(SONNET, 10_400, SAFETY)).isEqualTo(10);
    assertThat(UnitSizing.costOptimalUnits(SONNET, 10_500, SAFETY)).isEqualTo(11);
    assertThat(UnitSizing.costOptimalUnits(SONNET, 400, SAFETY)).isZero();
    assertThat(UnitSizing.costOptimalUnits(SONNET, 500, SAFETY)).isEqualTo(1);
    assertThat(UnitSizing.costOptimalUnits(SONNET, 0, SAFETY)).isZero();
    assertThat(UnitSizing.costOptimalUnits(SONNET, Double.NaN, SAFETY)).isZero();
  }

  @Test
  void whenUnitsNeverPayOnDemandTakesAllItSafelyCan() {
    // $20 a unit-hour is dearer than serving a full unit's tokens on demand ($16.20).
    ModelConfig dear =
        TestConfig.sonnet(0).set("sonnet", "unitHourlyUsd", 20).build().model("sonnet");

    // 2500 tps fits the 3000 of on-demand headroom relied on: buying units only costs more.
    assertThat(UnitSizing.costOptimalUnits(dear, 2500, SAFETY)).isZero();
    // 9000 tps does not: buy exactly what keeps the rest within the headroom.
    assertThat(UnitSizing.costOptimalUnits(dear, 9000, SAFETY)).isEqualTo(6);
  }

  @Test
  void freeOnDemandBuysUnitsOnlyToAvoidThrottling() {
    ModelConfig free =
        TestConfig.sonnet(0).set("sonnet", "onDemandUsdPer1kTokens", 0).build().model("sonnet");

    assertThat(UnitSizing.costOptimalUnits(free, 2500, SAFETY)).isZero();
    assertThat(UnitSizing.costOptimalUnits(free, 9000, SAFETY)).isEqualTo(6);
  }

  @Test
  void alwaysBuysEnoughThatTheRestFitsTheReliedOnOnDemandHeadroom() {
    assertThat(UnitSizing.unitsToAvoidThrottling(SONNET, 3000, SAFETY)).isZero();
    assertThat(UnitSizing.unitsToAvoidThrottling(SONNET, 3001, SAFETY)).isEqualTo(1);
    assertThat(UnitSizing.unitsToAvoidThrottling(SONNET, 9000, SAFETY)).isEqualTo(6);
  }

  @Test
  void servingCapacityIsUnitsPlusOnDemand() {
    assertThat(UnitSizing.servingCapacity(SONNET, 8)).isEqualTo(13_000);
  }

  @Test
  void tasksKeepEachAtTheTargetUtilization() {
    EcsConfig ecs = TestConfig.sonnet(0).ecs().build().ecs();

    assertThat(UnitSizing.tasksFor(ecs, 7000, 0.7)).isEqualTo(20); // 7000 / 350
    assertThat(UnitSizing.tasksFor(ecs, 7001, 0.7)).isEqualTo(21);
    assertThat(UnitSizing.tasksFor(ecs, 0, 0.7)).isZero();
  }
}
