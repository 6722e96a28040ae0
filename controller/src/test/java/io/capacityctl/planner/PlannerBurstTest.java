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
 * Short bursts at random times on a low base (1,000 tps per unit, 5,000 on demand, 15-minute
 * provisioning): units are held all day for the largest burst seen, and a young burst where bursts
 * recur does not escalate into units that would arrive after it.
 */
class PlannerBurstTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(0).build();

  @Test
  void holdsAUnitForABurstSeenHoursAgo() {
    // At 1300 tps one unit is cost-optimal; a burst to 6300 needs a second next to on-demand.
    History quiet = History.flat(NOW, 1300);
    History burstEarlier = History.flat(NOW, 1300).span(500, 10, 6300);

    assertThat(decide(CONFIG, NOW, serving("sonnet", 1, quiet)).targetUnits()).isEqualTo(1);
    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 1, burstEarlier));
    assertThat(d.targetUnits()).isEqualTo(2);
    assertThat(d.reason()).contains("bursts +5,000 tps");
  }

  @Test
  void buysTheUnitNearItsBreakEvenWhereBurstsRecur() {
    // Break-even 7.70 / (3.6 M tokens x $0.0045 per 1k) = 0.475 of a unit: 1420 tps leaves 0.42
    // on demand. A burst of +2000 fits one unit plus on-demand, so it only tips the near tie.
    History quiet = History.flat(NOW, 1420);
    History burstEarlier = History.flat(NOW, 1420).span(500, 10, 3420);

    assertThat(decide(CONFIG, NOW, serving("sonnet", 1, quiet)).targetUnits()).isEqualTo(1);
    assertThat(decide(CONFIG, NOW, serving("sonnet", 1, burstEarlier)).targetUnits()).isEqualTo(2);
  }

  @Test
  void keepsTheUnitWhileTheBurstIsRemembered() {
    History burstEarlier = History.flat(NOW, 1300).span(1300, 10, 6300);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 2, burstEarlier));

    assertThat(d.targetUnits()).isEqualTo(2);
  }

  @Test
  void doesNotEscalateForABurstOfAKnownSizeThatOnDemandServes() {
    // 6500 tps is above 80% of 2 units + 5000 on demand (5600) but below the 7000 they serve,
    // and a larger burst came eight hours ago: this one is over before a unit could serve.
    History demand = History.flat(NOW, 1300).span(480, 10, 6800).newest(4, 6500);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 2, demand));

    assertThat(d.reason()).doesNotContain("escalate");
    assertThat(d.targetUnits()).isEqualTo(2);
  }

  @Test
  void doesNotEscalateForAYoungBurstWhereShortBurstsRecur() {
    // Larger than the day's bursts, or even throttling: a unit bought now serves in 15 minutes,
    // after this burst. Its size is still made to fit units plus the whole on-demand headroom.
    History larger = History.flat(NOW, 1300).span(480, 10, 4300).newest(4, 6500);
    History throttled = History.flat(NOW, 1300).span(480, 10, 6800).newest(3, 7200);

    ModelDecision fits = decide(CONFIG, NOW, serving("sonnet", 2, larger));
    ModelDecision over = decide(CONFIG, NOW, serving("sonnet", 2, throttled));

    assertThat(fits.reason()).doesNotContain("escalate");
    assertThat(fits.targetUnits()).isEqualTo(2);
    // 7200 tps = 3 units + 5000 on demand; escalating at 80% would have bought 4.
    assertThat(over.reason()).doesNotContain("escalate").contains("bursts +5,900 tps");
    assertThat(over.targetUnits()).isEqualTo(3);
  }

  @Test
  void escalatesForAFirstBurstOrOneThatLasts() {
    // Escalating sizes 6500 tps to fit 80% of on-demand: 3 units.
    History first = History.flat(NOW, 1300).newest(4, 6500);
    History lasting =
        History.flat(NOW, 1300)
            .span(480, 10, 6800)
            .newest(DemandForecast.SHORT_BURST_MINUTES + 1, 6500);

    for (History h : new History[] {first, lasting}) {
      ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 2, h));
      assertThat(d.reason()).startsWith("escalate");
      assertThat(d.targetUnits()).isEqualTo(3);
    }
  }

  @Test
  void unitsAndOnDemandCoverTheMinuteNoise() {
    // 40,000 tps with 1,500 tps of noise a minute: 40 units leave the 5,000 on demand as the only
    // cover, about 3.3 sigma, which a month of minutes overruns many times. 4.5 sigma (6,750) takes
    // 42 units with on-demand; the noise is estimated from the minutes, within about 15%.
    java.util.Random rnd = new java.util.Random(5);
    History demand = History.flat(NOW, 40_000);
    for (int back = 0; back < History.MINUTES; back++) {
      demand.span(back, 1, 40_000 + 1500 * rnd.nextGaussian());
    }

    assertThat(decide(CONFIG, NOW, serving("sonnet", 40, History.flat(NOW, 40_000))).targetUnits())
        .isEqualTo(40);
    assertThat(decide(CONFIG, NOW, serving("sonnet", 40, demand)).targetUnits()).isBetween(41, 43);
  }
}
