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

/** Operators' overrides win over the plan while they last, within the quota. */
class PlannerOverrideTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(15).ecs().build();

  /** A plan at 15 units and 40 tasks with 6000 tps of demand (which alone would trim to 6). */
  private static Plan planWith(CapacityOverride... overrides) {
    return planWith(
        new ModelState("sonnet", 15, 0, 0, 0, History.flat(NOW, 6000).build(), null), overrides);
  }

  private static Plan planWith(ModelState state, CapacityOverride... overrides) {
    return PlannerFixture.plan(CONFIG, NOW, ecsAt(40), List.of(overrides), state);
  }

  private static CapacityOverride override(
      String target, int amount, boolean pause, Instant until) {
    return new CapacityOverride(
        target, amount, pause, NOW.minus(Duration.ofHours(1)), until, "launch day", "alice");
  }

  private static final Instant LATER = NOW.plus(Duration.ofHours(2));

  @Test
  void aUnitsOverrideWinsOverTheForecast() {
    ModelDecision d = planWith(override("sonnet", 25, false, LATER)).models().get("sonnet");

    assertThat(d.targetUnits()).isEqualTo(25);
    assertThat(d.reason()).contains("override 25 units").contains("launch day").contains("alice");
  }

  @Test
  void aUnitsOverrideIsClampedToTheQuota() {
    ModelDecision d = planWith(override("sonnet", 100, false, LATER)).models().get("sonnet");

    assertThat(d.targetUnits()).isEqualTo(60);
    assertThat(d.reason()).contains("override 100 units (clamped to 60)");
  }

  @Test
  void aUnitsOverrideNeverGoesBelowCommittedUnits() {
    ModelState committed =
        new ModelState("sonnet", 15, 0, 10, 0, History.flat(NOW, 6000).build(), null);

    ModelDecision d =
        planWith(committed, override("sonnet", 2, false, LATER)).models().get("sonnet");

    assertThat(d.targetUnits()).isEqualTo(10);
  }

  @Test
  void pauseHoldsTheCurrentCapacity() {
    ModelDecision d = planWith(override("sonnet", 0, true, LATER)).models().get("sonnet");

    assertThat(d.targetUnits()).isEqualTo(15);
    assertThat(d.reason()).startsWith("paused by override");
  }

  @Test
  void anExpiredOverrideIsIgnored() {
    ModelDecision d = planWith(override("sonnet", 25, false, NOW)).models().get("sonnet");

    assertThat(d.targetUnits()).isEqualTo(6);
    assertThat(d.reason()).doesNotContain("override");
  }

  @Test
  void anEcsOverrideSetsTasksWithinMinAndMaxTasks() {
    EcsDecision set = planWith(override(CapacityOverride.ECS, 50, false, LATER)).ecs();
    EcsDecision clamped = planWith(override(CapacityOverride.ECS, 500, false, LATER)).ecs();
    EcsDecision paused = planWith(override(CapacityOverride.ECS, 0, true, LATER)).ecs();

    assertThat(set.targetTasks()).isEqualTo(50);
    assertThat(clamped.targetTasks()).isEqualTo(160);
    assertThat(paused.targetTasks()).isEqualTo(40);
  }
}
