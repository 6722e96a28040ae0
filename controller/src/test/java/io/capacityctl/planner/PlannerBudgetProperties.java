package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Over random capacity, demand, tasks and caps, the budget only ever trims scale-ups: every target
 * lies between what exists and what the plan wanted without a budget, and the plan fits the cap
 * unless what exists already exceeds it.
 */
class PlannerBudgetProperties {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");

  @Property(tries = 300)
  void theBudgetOnlyTrimsScaleUpsAndFitsTheCapWhenItCan(
      @ForAll @IntRange(min = 0, max = 40) int sonnetUnits,
      @ForAll @IntRange(min = 0, max = 15) int haikuUnits,
      @ForAll @DoubleRange(min = 0, max = 60_000) double sonnetTps,
      @ForAll @DoubleRange(min = 0, max = 20_000) double haikuTps,
      @ForAll @IntRange(min = 4, max = 120) int tasks,
      @ForAll @IntRange(min = 5, max = 500) int capUsd) {
    TestConfig base =
        TestConfig.sonnet(0)
            .model("haiku")
            .set("haiku", "unitHourlyUsd", 2.4)
            .clearSchedule()
            .allDay("sonnet: 0, haiku: 0")
            .ecs()
            .ecs("taskHourlyUsd", 0.5);
    CapacityConfig free = base.build();
    CapacityConfig capped = base.budget("maxHourlyUsd", capUsd).build();
    ModelState sonnet = PlannerFixture.serving("sonnet", sonnetUnits, History.flat(NOW, sonnetTps));
    ModelState haiku = PlannerFixture.serving("haiku", haikuUnits, History.flat(NOW, haikuTps));
    EcsObservation ecs = PlannerFixture.ecsAt(tasks);

    Plan wanted = PlannerFixture.plan(free, NOW, ecs, List.of(), sonnet, haiku);
    Plan plan = PlannerFixture.plan(capped, NOW, ecs, List.of(), sonnet, haiku);

    for (ModelDecision d : plan.models().values()) {
      ModelDecision w = wanted.models().get(d.model());
      assertThat(d.targetUnits())
          .isBetween(Math.min(w.currentUnits(), w.targetUnits()), w.targetUnits());
    }
    assertThat(plan.ecs().targetTasks())
        .isBetween(
            Math.min(wanted.ecs().currentTasks(), wanted.ecs().targetTasks()),
            wanted.ecs().targetTasks());
    double existing = sonnetUnits * 7.70 + haikuUnits * 2.4 + tasks * 0.5;
    double spend = Spend.of(capped, plan).plannedHourlyUsd();
    assertThat(spend).isLessThanOrEqualTo(Math.max(capUsd, existing) + 1e-6);
  }
}
