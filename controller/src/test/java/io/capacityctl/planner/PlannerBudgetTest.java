package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.ecsAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spend guardrail: scale-ups are cut to fit the hourly cap (and the daily cap's hourly share),
 * dearest units first, never below what exists, and never against an operator's override.
 */
class PlannerBudgetTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");

  /** 8 sonnet units in service, 30000 tps observed: the planner wants far more than 8. */
  private static ModelState busySonnet(int units) {
    return PlannerFixture.serving("sonnet", units, History.flat(NOW, 30_000));
  }

  private static ModelDecision decide(TestConfig config, ModelState state) {
    return PlannerFixture.decide(config.build(), NOW, state);
  }

  @Test
  void withoutABudgetTheForecastIsBoughtInFull() {
    ModelDecision d = decide(TestConfig.sonnet(0), busySonnet(8));

    assertThat(d.targetUnits()).isGreaterThan(13);
    assertThat(d.reason()).doesNotContain("budget");
  }

  @Test
  void aScaleUpAboveTheHourlyCapIsCutToFitWithAReasonNamingTheBudget() {
    // $100/h buys 12 units at $7.70 ($92.40); a 13th would cost $100.10.
    ModelDecision d = decide(TestConfig.sonnet(0).budget("maxHourlyUsd", 100), busySonnet(8));

    assertThat(d.targetUnits()).isEqualTo(12);
    assertThat(d.reason())
        .contains("budget: cut to 12 units")
        .contains("over budget.maxHourlyUsd $100.00/h");
  }

  @Test
  void aCapAboveThePlanChangesNothing() {
    ModelDecision free = decide(TestConfig.sonnet(0), busySonnet(8));

    ModelDecision capped = decide(TestConfig.sonnet(0).budget("maxHourlyUsd", 1000), busySonnet(8));

    assertThat(capped).isEqualTo(free);
  }

  @Test
  void theDailyCapLimitsEachHourToItsShare() {
    // $2400/day = $100/h: the same 12 units as an hourly cap of $100.
    ModelDecision d = decide(TestConfig.sonnet(0).budget("maxDailyUsd", 2400), busySonnet(8));

    assertThat(d.targetUnits()).isEqualTo(12);
    assertThat(d.reason()).contains("budget.maxDailyUsd $2400.00 / 24 = $100.00/h");
  }

  @Test
  void theLowerOfTheTwoCapsApplies() {
    ModelDecision d =
        decide(
            TestConfig.sonnet(0).budget("maxHourlyUsd", 200).budget("maxDailyUsd", 1848),
            busySonnet(8));

    // 1848 / 24 = $77/h: exactly 10 units.
    assertThat(d.targetUnits()).isEqualTo(10);
  }

  @Test
  void theBudgetNeverScalesDownWhatExists() {
    // 15 units ($115.50/h) already run above the $100/h cap: kept, nothing more bought.
    ModelDecision d = decide(TestConfig.sonnet(0).budget("maxHourlyUsd", 100), busySonnet(15));

    assertThat(d.targetUnits()).isEqualTo(15);
    assertThat(d.reason()).contains("budget: cut to 15 units");
  }

  @Test
  void anOverrideBypassesTheBudget() {
    CapacityOverride launch =
        new CapacityOverride(
            "sonnet",
            25,
            false,
            NOW.minus(Duration.ofHours(1)),
            NOW.plus(Duration.ofHours(1)),
            "launch",
            "alice");

    Plan plan =
        PlannerFixture.plan(
            TestConfig.sonnet(0).budget("maxHourlyUsd", 100).build(),
            NOW,
            null,
            List.of(launch),
            busySonnet(8));

    assertThat(plan.models().get("sonnet").targetUnits()).isEqualTo(25);
    assertThat(plan.models().get("sonnet").reason()).doesNotContain("budget");
  }

  @Test
  void theDearestUnitsAreCutFirst() {
    CapacityConfig config =
        TestConfig.sonnet(0)
            .model("haiku")
            .set("haiku", "unitHourlyUsd", 2.0)
            .clearSchedule()
            .allDay("sonnet: 0, haiku: 0")
            .budget("maxHourlyUsd", 100)
            .build();
    Plan free =
        PlannerFixture.plan(
            TestConfig.sonnet(0)
                .model("haiku")
                .set("haiku", "unitHourlyUsd", 2.0)
                .clearSchedule()
                .allDay("sonnet: 0, haiku: 0")
                .build(),
            NOW,
            null,
            List.of(),
            busySonnet(4),
            PlannerFixture.serving("haiku", 2, History.flat(NOW, 12_000)));
    int haikuWanted = free.models().get("haiku").targetUnits();

    Plan plan =
        PlannerFixture.plan(
            config,
            NOW,
            null,
            List.of(),
            busySonnet(4),
            PlannerFixture.serving("haiku", 2, History.flat(NOW, 12_000)));

    // Haiku keeps its whole scale-up; sonnet gets what the rest of $100/h buys.
    assertThat(haikuWanted).isGreaterThan(2);
    assertThat(plan.models().get("haiku").targetUnits()).isEqualTo(haikuWanted);
    int sonnet = plan.models().get("sonnet").targetUnits();
    assertThat(sonnet).isEqualTo((int) Math.floor((100 - haikuWanted * 2.0) / 7.70));
    assertThat(Spend.of(config, plan).plannedHourlyUsd()).isLessThanOrEqualTo(100);
  }

  @Test
  void ecsTasksAreCutToWhatTheCapLeavesButNeverBelowTheTasksRunning() {
    // 12 units ($92.40) steady at 12000 tps; ECS wants ~30 tasks at $1/task: $7.60 is left.
    TestConfig config =
        TestConfig.sonnet(0).ecs().ecs("taskHourlyUsd", 1.0).budget("maxHourlyUsd", 100);
    ModelState steady = PlannerFixture.serving("sonnet", 12, History.flat(NOW, 12_000));
    Plan free =
        PlannerFixture.plan(
            TestConfig.sonnet(0).ecs().ecs("taskHourlyUsd", 1.0).build(),
            NOW,
            ecsAt(5),
            List.of(),
            steady);

    Plan fromFive = PlannerFixture.plan(config.build(), NOW, ecsAt(5), List.of(), steady);
    Plan fromTen = PlannerFixture.plan(config.build(), NOW, ecsAt(10), List.of(), steady);

    assertThat(free.models().get("sonnet").targetUnits()).isEqualTo(12);
    assertThat(free.ecs().targetTasks()).isGreaterThan(10);
    assertThat(fromFive.models().get("sonnet").targetUnits()).isEqualTo(12);
    assertThat(fromFive.ecs().targetTasks()).isEqualTo(7);
    assertThat(fromFive.ecs().reason()).contains("budget: cut to 7 tasks");
    // 10 tasks already cost $10: over the cap, but kept.
    assertThat(fromTen.ecs().targetTasks()).isEqualTo(10);
  }
}
