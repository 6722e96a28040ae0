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
 * Cost-awareness in the planner: sustained demand buys what pays for itself, bursts shorter than
 * the provisioning time that fit the relied-on on-demand headroom (5000 x 0.6 = 3000 tps) buy
 * nothing, and bursts that would not fit get headroom.
 */
class PlannerCostTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(8).build();

  @Test
  void aPastBurstShorterThanProvisioningTimeThatFitsOnDemandBuysNothing() {
    // Five minutes at 10400 an hour ago: 2400 above the 8000 level fits 3000 of on-demand.
    History demand = History.flat(NOW, 8000).span(60, 5, 10_400);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 8, demand));

    assertThat(d.targetUnits()).isEqualTo(8);
    assertThat(d.up()).isFalse();
  }

  @Test
  void theSameLevelSustainedBuysTheUnitsThatPayForThemselves() {
    History demand = History.flat(NOW, 8000).newest(30, 10_400);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 8, demand));

    // 10.4 units of demand: the 0.4 is below Sonnet's break-even (0.475), so on demand takes it.
    assertThat(d.targetUnits()).isEqualTo(10);
    assertThat(d.reason()).startsWith("forecast 10,400 tps in 15m");
  }

  @Test
  void aBurstThatWouldOverrunTheOnDemandHeadroomGetsHeadroomUnits() {
    // 6500 above the level for 5 minutes (0.3 % of the day's tokens, above the 0.01 % budget)
    // does not fit the 5000 of on-demand headroom: 1.5 units more.
    History demand = History.flat(NOW, 8000).span(60, 5, 14_500);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 8, demand));

    assertThat(d.targetUnits()).isEqualTo(10);
    assertThat(d.reason()).contains("headroom +6,2");
  }

  @Test
  void aBurstThatFitsTheOnDemandHeadroomBuysNothing() {
    History demand = History.flat(NOW, 8000).span(60, 5, 12_500);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 8, demand));

    assertThat(d.targetUnits()).isEqualTo(8);
  }

  @Test
  void demandBelowBreakEvenStaysOnDemand() {
    CapacityConfig overnight = TestConfig.sonnet(0).build();
    History demand = History.flat(NOW, 400); // 0.4 of a unit

    ModelDecision d = decide(overnight, NOW, serving("sonnet", 0, demand));

    assertThat(d.targetUnits()).isZero();
  }
}
