package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Each pass publishes the planned spend against the budget and warns at 90% and 100%. */
class ReconcilerBudgetTest {

  /** 8 sonnet units in service and 20000 tps observed: the plan wants more than 12 units. */
  private static SimFixture busy(TestConfig config) {
    SimFixture sim = new SimFixture(config.build());
    sim.ownPt("sonnet", 8);
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 20_000).at(200);
    return sim;
  }

  private static double last(SimFixture sim, String metric) {
    var points = sim.telemetry.named(metric);
    return points.get(points.size() - 1).value();
  }

  @Test
  void aPassCutToTheCapPublishesItsShareAndWarnsAt90Percent() {
    SimFixture sim = busy(TestConfig.sonnet(0).budget("maxHourlyUsd", 100));

    PassReport report = sim.pass();

    // Cut to 12 units: $92.40 of $100.
    assertThat(report.plan().models().get("sonnet").targetUnits()).isEqualTo(12);
    assertThat(sim.cloud.bedrock().billedUnits(sim.modelId("sonnet"))).isEqualTo(12);
    assertThat(last(sim, "BudgetUsedPercent")).isCloseTo(92.4, Offset.offset(1e-9));
    assertThat(last(sim, "BudgetAlertLevel")).isEqualTo(90);
    assertThat(report.warnings()).anyMatch(w -> w.startsWith("budget 90%"));
  }

  @Test
  void capacityAlreadyAboveTheCapIsKeptAndRaisesTheTopAlert() {
    SimFixture sim = busy(TestConfig.sonnet(0).budget("maxHourlyUsd", 50));

    PassReport report = sim.pass();

    // 8 units ($61.60) exist: no scale-down, nothing bought, 123% of the cap.
    assertThat(sim.cloud.bedrock().billedUnits(sim.modelId("sonnet"))).isEqualTo(8);
    assertThat(report.actions()).isEmpty();
    assertThat(last(sim, "BudgetUsedPercent")).isCloseTo(123.2, Offset.offset(1e-9));
    assertThat(last(sim, "BudgetAlertLevel")).isEqualTo(100);
    assertThat(report.warnings()).anyMatch(w -> w.startsWith("budget 100%"));
  }

  @Test
  void withoutABudgetOnlyThePlannedSpendIsPublished() {
    SimFixture sim = busy(TestConfig.sonnet(0));

    PassReport report = sim.pass();

    assertThat(sim.telemetry.named("BudgetUsedPercent")).isEmpty();
    assertThat(sim.telemetry.named("BudgetAlertLevel")).isEmpty();
    assertThat(last(sim, "PlannedHourlyUsd"))
        .isEqualTo(report.plan().models().get("sonnet").targetUnits() * 7.70);
    assertThat(report.warnings()).noneMatch(w -> w.startsWith("budget"));
  }
}
