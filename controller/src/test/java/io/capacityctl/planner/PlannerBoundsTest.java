package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.ecsAt;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** minUnits/maxUnits, committed units and minTasks/maxTasks bound every target, with reasons. */
class PlannerBoundsTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");

  @Test
  void demandAboveTheQuotaIsCappedAtMaxUnits() {
    CapacityConfig config = TestConfig.sonnet(10).set("sonnet", "maxUnits", 20).build();

    ModelDecision d = decide(config, NOW, serving("sonnet", 10, History.flat(NOW, 40_000)));

    assertThat(d.targetUnits()).isEqualTo(20);
    assertThat(d.reason()).contains("capped at maxUnits 20 (quota)");
  }

  @Test
  void noDemandStillKeepsMinUnits() {
    CapacityConfig config = TestConfig.sonnet(5).set("sonnet", "minUnits", 3).build();

    ModelDecision d = decide(config, NOW, serving("sonnet", 5, History.flat(NOW, 0)));

    assertThat(d.targetUnits()).isEqualTo(3);
    assertThat(d.reason()).contains("raised to floor 3 (minUnits/committed)");
  }

  @Test
  void committedUnitsAreAFloor() {
    CapacityConfig config = TestConfig.sonnet(5).build();
    ModelState s = new ModelState("sonnet", 6, 0, 4, 0, History.flat(NOW, 0).build(), null);

    ModelDecision d = decide(config, NOW, s);

    assertThat(d.targetUnits()).isEqualTo(4);
  }

  @Test
  void tasksAreCappedAtMaxTasksAndTheReasonSaysSo() {
    CapacityConfig config = TestConfig.sonnet(30).ecs("maxTasks", 20).build();

    Plan plan =
        PlannerFixture.plan(
            config, NOW, ecsAt(10), List.of(), serving("sonnet", 30, History.flat(NOW, 30_000)));

    assertThat(plan.ecs().targetTasks()).isEqualTo(20);
    assertThat(plan.ecs().reason()).contains("maxTasks 20");
  }

  @Test
  void tasksNeverGoBelowMinTasksAndTheReasonSaysSo() {
    CapacityConfig config = TestConfig.sonnet(0).ecs("minTasks", 6).build();

    Plan plan =
        PlannerFixture.plan(
            config, NOW, ecsAt(30), List.of(), serving("sonnet", 0, History.flat(NOW, 0)));

    assertThat(plan.ecs().targetTasks()).isEqualTo(6);
    assertThat(plan.ecs().reason()).contains("minTasks 6");
  }
}
