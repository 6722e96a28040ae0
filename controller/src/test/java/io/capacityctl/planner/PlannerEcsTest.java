package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.ecsAt;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECS tasks follow the same expected throughput as the models (500 tps per task at 70%), and never
 * outrun what the planned Bedrock units plus on-demand headroom can serve.
 */
class PlannerEcsTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig TWO_MODELS =
      TestConfig.empty()
          .model("sonnet")
          .model("haiku")
          .set("haiku", "tokensPerSecondPerUnit", 3000)
          .allDay("sonnet: 6, haiku: 1")
          .ecs()
          .build();

  private static EcsDecision ecsFor(double sonnetTps, double haikuTps, int tasks) {
    return PlannerFixture.plan(
            TWO_MODELS,
            NOW,
            ecsAt(tasks),
            List.of(),
            serving("sonnet", 6, History.flat(NOW, sonnetTps)),
            serving("haiku", 1, History.flat(NOW, haikuTps)))
        .ecs();
  }

  @Test
  void sizesTasksForTheDemandOfAllModels() {
    EcsDecision d = ecsFor(6000, 3000, 4);

    // 9000 tps at 400 tps per task (80% of 500) needs 23 tasks; the planner adds 10% spare.
    assertThat(d.targetTasks()).isEqualTo(26);
    assertThat(d.reason()).contains("expected 9,000 tps").endsWith("4 -> 26");
  }

  @Test
  void moreDemandMeansMoreTasks() {
    assertThat(ecsFor(12_000, 6000, 4).targetTasks())
        .isGreaterThan(ecsFor(6000, 3000, 4).targetTasks());
  }

  @Test
  void trimsTasksWhenDemandFalls() {
    EcsDecision d = ecsFor(1000, 500, 60);

    assertThat(d.down()).isTrue();
    assertThat(d.targetTasks() * 500 * 0.8).isGreaterThanOrEqualTo(1500);
    assertThat(d.reason()).startsWith("trim");
  }

  @Test
  void neverPlansMoreTasksThanBedrockPlusOnDemandCanServe() {
    // Incident 4: demand wanted far more, Bedrock was held at 8 units, ECS went to 35 tasks.
    CapacityConfig config = TestConfig.sonnet(8).set("sonnet", "maxUnits", 8).ecs().build();

    Plan plan =
        PlannerFixture.plan(
            config, NOW, ecsAt(10), List.of(), serving("sonnet", 8, History.flat(NOW, 20_000)));

    assertThat(plan.models().get("sonnet").targetUnits()).isEqualTo(8);
    // 8 units x 1000 + 5000 on demand = 13000 tps = 26 tasks of 500.
    assertThat(plan.ecs().maxServableTasks()).isEqualTo(26);
    assertThat(plan.ecs().targetTasks()).isEqualTo(26);
    assertThat(plan.ecs().reason())
        .contains("capped at 26 tasks that Bedrock plus on-demand can serve");
  }

  @Test
  void aPartialViewHoldsTasks() {
    CapacityConfig config = TestConfig.sonnet(5).ecs().build();

    Plan plan =
        PlannerFixture.plan(
            config, NOW, ecsAt(30), List.of(), serving("sonnet", 15, History.missing(NOW)));

    assertThat(plan.ecs().targetTasks()).isEqualTo(30);
    assertThat(plan.ecs().reason()).contains("partial view");
  }

  @Test
  void anUnreadableEcsServiceGetsNoAction() {
    // The Observer reports an ECS describe failure with minTasks as the floor: the real count is
    // unknown, so setting any count could scale the service down.
    CapacityConfig config = TestConfig.sonnet(15).ecs().build();
    EcsObservation unreadable = new EcsObservation(0, 0, 4, "ECS describe failed (THROTTLING)");

    Plan plan =
        PlannerFixture.plan(
            config, NOW, unreadable, List.of(), serving("sonnet", 15, History.flat(NOW, 12_000)));

    assertThat(plan.ecs().targetTasks()).isEqualTo(plan.ecs().currentTasks());
    assertThat(plan.ecs().reason()).contains("ECS describe failed");
    assertThat(plan.steps()).noneMatch(s -> s instanceof Plan.EcsStep);
  }
}
