package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A partial or stale view never scales down: the planner holds and says why. */
class PlannerPartialViewTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(8).build();

  @Test
  void missingMetricsHoldTheCurrentUnits() {
    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 15, History.missing(NOW)));

    assertThat(d.targetUnits()).isEqualTo(15);
    assertThat(d.held()).isTrue();
    assertThat(d.reason()).contains("metrics missing").contains("no scale-down");
  }

  @Test
  void noMetricsReadAtAllHoldsToo() {
    ModelDecision d = decide(CONFIG, NOW, new ModelState("sonnet", 15, 0, 0, 0, null, null));

    assertThat(d.targetUnits()).isEqualTo(15);
    assertThat(d.held()).isTrue();
    assertThat(d.reason()).contains("metrics missing");
  }

  @Test
  void metricsOlderThanMetricsMaxAgeHold() {
    // Low traffic would trim 15 -> 1, but nothing arrived for the last 10 minutes.
    History demand = History.flat(NOW, 1000).missingNewest(10);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 15, demand));

    assertThat(d.targetUnits()).isEqualTo(15);
    assertThat(d.held()).isTrue();
    assertThat(d.reason()).contains("metrics stale since");
  }

  @Test
  void aGapShorterThanMetricsMaxAgeStillPlans() {
    History demand = History.flat(NOW, 1000).missingNewest(3);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 15, demand));

    assertThat(d.held()).isFalse();
    assertThat(d.targetUnits()).isEqualTo(1);
  }

  @Test
  void theScheduleCanStillRaiseWithoutMetrics() {
    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 3, History.missing(NOW)));

    assertThat(d.targetUnits()).isEqualTo(8);
    assertThat(d.reason()).contains("metrics missing").contains("schedule-only");
  }

  @Test
  void aModelWhosePtListFailedGetsNoActionEitherWay() {
    String problem = "PT list failed (bedrock:ListProvisionedModelThroughputs: THROTTLING)";
    ModelState busy =
        new ModelState("sonnet", 2, 0, 0, 0, History.flat(NOW, 30_000).build(), problem);
    ModelState idle = new ModelState("sonnet", 40, 0, 0, 0, History.flat(NOW, 0).build(), problem);

    for (ModelState s : new ModelState[] {busy, idle}) {
      ModelDecision d = decide(CONFIG, NOW, s);
      assertThat(d.targetUnits()).isEqualTo(s.plannedUnits());
      assertThat(d.held()).isTrue();
      assertThat(d.reason()).contains(problem).contains("no action");
    }
  }

  @Test
  void aModelMissingFromTheObservationGetsNoAction() {
    CapacityConfig two =
        TestConfig.empty().model("sonnet").model("haiku").allDay("sonnet: 8, haiku: 2").build();

    Plan plan =
        PlannerFixture.plan(
            two, NOW, null, java.util.List.of(), serving("sonnet", 8, History.flat(NOW, 8000)));

    ModelDecision haiku = plan.models().get("haiku");
    assertThat(haiku.targetUnits()).isZero();
    assertThat(haiku.held()).isTrue();
    assertThat(haiku.reason()).contains("no observation");
  }
}
