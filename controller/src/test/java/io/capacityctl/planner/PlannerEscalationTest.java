package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Escalation: demand above 80% of serving capacity (10 units x 1000 tps + 5000 on demand = 15000,
 * so above 12000 tps) for two minutes raises capacity at once, whatever the forecast says.
 */
class PlannerEscalationTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(10).build();

  @Test
  void escalatesWhenDemandStaysAboveTargetUtilizationForEscalateAfter() {
    History demand = History.flat(NOW, 8000).newest(2, 16_000);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 10, demand));

    // 16000 tps must fit 12 units plus 80% of the 5000 on-demand headroom.
    assertThat(d.targetUnits()).isEqualTo(12);
    assertThat(d.reason())
        .startsWith("escalate: observed 16,000 tps > 80% of 15,000 serving capacity for 2m")
        .endsWith("10 -> 12");
  }

  @Test
  void doesNotEscalateOnASingleMinuteSpike() {
    History demand = History.flat(NOW, 8000).newest(1, 12_500);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 10, demand));

    assertThat(d.targetUnits()).isEqualTo(10);
    assertThat(d.reason()).doesNotContain("escalate");
  }

  @Test
  void waitsForTheConfiguredEscalateAfter() {
    CapacityConfig slow = TestConfig.sonnet(10).policy("escalateAfter", "PT3M").build();
    History demand = History.flat(NOW, 8000).newest(2, 16_000);

    ModelDecision d = decide(slow, NOW, serving("sonnet", 10, demand));

    assertThat(d.reason()).doesNotContain("escalate");
    assertThat(d.targetUnits()).isLessThan(12);
  }

  @Test
  void countsOnDemandHeadroomAsServingCapacity() {
    // 11500 tps is above 80% of the 10 units (8000) but below 80% of units + on demand (12000).
    History demand = History.flat(NOW, 8000).newest(2, 11_500);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 10, demand));

    assertThat(d.reason()).doesNotContain("escalate");
    assertThat(d.targetUnits()).isEqualTo(10);
  }

  @Test
  void escalatesFromZeroUnitsWhenOnDemandAloneIsOverrun() {
    CapacityConfig overnight = TestConfig.sonnet(0).build();
    History demand = History.flat(NOW, 500).newest(2, 10_000); // far above 80% of 5000

    ModelDecision d = decide(overnight, NOW, serving("sonnet", 0, demand));

    assertThat(d.targetUnits()).isEqualTo(6); // 10000 = 6 units + 80% of the 5000 on demand
    assertThat(d.reason()).startsWith("escalate");
  }
}
