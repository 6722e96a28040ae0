package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan steps run in the order that never leaves ECS ahead of Bedrock. */
class PlanTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");

  private static ModelDecision model(String key, int from, int to) {
    return new ModelDecision(key, from, to, "test", false);
  }

  private static String describe(Plan.Step step) {
    if (step instanceof Plan.ModelStep m) {
      return m.decision().model() + (m.decision().up() ? " up" : " down");
    }
    return ((Plan.EcsStep) step).decision().up() ? "ecs up" : "ecs down";
  }

  @Test
  void bedrockUpBeforeEcsUpAndEcsDownBeforeBedrockDown() {
    Plan plan =
        new Plan(
            NOW,
            Map.of("sonnet", model("sonnet", 5, 9), "haiku", model("haiku", 4, 2)),
            new EcsDecision(10, 20, 40, "test"));

    assertThat(plan.steps())
        .extracting(PlanTest::describe)
        .containsExactly("sonnet up", "ecs up", "haiku down");
  }

  @Test
  void scalingEverythingDownRemovesTasksFirst() {
    Plan plan =
        new Plan(
            NOW,
            Map.of("sonnet", model("sonnet", 9, 5), "haiku", model("haiku", 4, 2)),
            new EcsDecision(20, 10, 40, "test"));

    assertThat(plan.steps())
        .extracting(PlanTest::describe)
        .containsExactly("ecs down", "haiku down", "sonnet down");
  }

  @Test
  void scalingEverythingUpAddsUnitsFirst() {
    Plan plan =
        new Plan(
            NOW,
            Map.of("sonnet", model("sonnet", 5, 9), "haiku", model("haiku", 2, 4)),
            new EcsDecision(10, 20, 40, "test"));

    assertThat(plan.steps())
        .extracting(PlanTest::describe)
        .containsExactly("haiku up", "sonnet up", "ecs up");
  }

  @Test
  void unchangedTargetsAreNoSteps() {
    Plan plan =
        new Plan(NOW, Map.of("sonnet", model("sonnet", 5, 5)), new EcsDecision(10, 10, 40, "t"));

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.changesNothing()).isTrue();
  }
}
