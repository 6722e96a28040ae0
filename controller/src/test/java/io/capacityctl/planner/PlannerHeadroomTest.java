package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The headroom the throttle budget asks for, on a low base (1,000 tps per unit, 5,000 on demand,
 * 15-minute provisioning): units are held for a burst as far as its tokens outweigh the budget, a
 * larger budget holds less, and a young excursion within the headroom does not escalate.
 */
class PlannerHeadroomTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(0).build();
  private static final CapacityConfig LOOSE =
      TestConfig.sonnet(0).policy("throttleBudget", "5%").build();

  @Test
  void holdsAUnitForABurstSeenHoursAgo() {
    // At 1300 tps one unit is cost-optimal; a burst to 6300 for 10 minutes (2.7 % of the day's
    // tokens, far above 0.01 %) needs a second next to on-demand.
    History quiet = History.flat(NOW, 1300);
    History burstEarlier = History.flat(NOW, 1300).span(500, 10, 6300);

    assertThat(decide(CONFIG, NOW, serving("sonnet", 1, quiet)).targetUnits()).isEqualTo(1);
    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 1, burstEarlier));
    assertThat(d.targetUnits()).isEqualTo(2);
    assertThat(d.reason()).contains("headroom +4,9").contains("for 0.01 % throttled");
  }

  @Test
  void aHeadroomReadWithNearbyLevelsSaysSo() {
    // Busy days at 30,000 tps with a burst to 60,000 every 50th minute, then the traffic vanishes
    // to 100 tps. Two hours in, the quiet level has under a day of minutes, so its headroom is read
    // with the busy days' bursts: the reason says why it is so large.
    int window = 7 * 1440;
    ModelDecision twoHours = decide(CONFIG, NOW, serving("sonnet", 60, vanished(window, 120)));
    assertThat(twoHours.reason())
        .contains("read with nearby levels: under a day of minutes at this one");
    assertThat(twoHours.targetUnits()).isGreaterThan(20);

    // Two quiet days later the quiet level is read alone: nothing borrowed, nothing said.
    ModelDecision twoDays = decide(CONFIG, NOW, serving("sonnet", 60, vanished(window, 2 * 1440)));
    assertThat(twoDays.reason()).doesNotContain("nearby levels");
    assertThat(twoDays.targetUnits()).isLessThan(twoHours.targetUnits());
  }

  private static History vanished(int window, int quietMinutes) {
    History h = History.flat(NOW, 30_000, window);
    for (int back = quietMinutes; back < window; back += 50) {
      h.span(back, 1, 60_000);
    }
    return h.newest(quietMinutes, 100);
  }

  @Test
  void keepsTheUnitWhileTheBurstIsRemembered() {
    History burstEarlier = History.flat(NOW, 1300).span(1300, 10, 6300);

    assertThat(decide(CONFIG, NOW, serving("sonnet", 2, burstEarlier)).targetUnits()).isEqualTo(2);
  }

  @Test
  void theWindowHoldsAMinuteOfTheBudgetsShare() {
    // 1/budget minutes, two days to a week: a tail as thin as the budget needs that many minutes
    // to be seen at all.
    assertThat(recentMinutes(CONFIG)).isEqualTo(10_000); // 0.01 %: nearly a week
    assertThat(recentMinutes(TestConfig.sonnet(0).policy("throttleBudget", "0.03%").build()))
        .isEqualTo(3334);
    assertThat(recentMinutes(TestConfig.sonnet(0).policy("throttleBudget", "0.1%").build()))
        .isEqualTo(2 * 1440);
    assertThat(recentMinutes(LOOSE)).isEqualTo(2 * 1440);
    assertThat(recentMinutes(TestConfig.sonnet(0).policy("throttleBudget", "0").build()))
        .isEqualTo(7 * 1440);
  }

  @Test
  void holdsAUnitForABurstSeenDaysAgoAtTheDefaultBudget() {
    // Five days back is inside the default window: the burst is evidence still.
    int window = recentMinutes(CONFIG);
    History quiet = History.flat(NOW, 1300, window);
    History burstDaysAgo = History.flat(NOW, 1300, window).span(5 * 1440, 10, 6300);

    assertThat(decide(CONFIG, NOW, serving("sonnet", 1, quiet)).targetUnits()).isEqualTo(1);
    assertThat(decide(CONFIG, NOW, serving("sonnet", 2, burstDaysAgo)).targetUnits()).isEqualTo(2);
  }

  private static int recentMinutes(CapacityConfig config) {
    return new Planner(config, CapacityCalendar.of(config)).historyWindow().recentMinutes();
  }

  @Test
  void aBurstWhoseTokensAreWithinTheBudgetHoldsNothing() {
    // One minute 400 above a day at 1300 is 0.02 % of the day's tokens, within 5 %: nothing is
    // held for it.
    History blip = History.flat(NOW, 1300).span(500, 1, 1700);

    ModelDecision loose = decide(LOOSE, NOW, serving("sonnet", 1, blip));

    assertThat(loose.targetUnits()).isEqualTo(1);
    assertThat(loose.reason()).doesNotContain("headroom");
  }

  @Test
  void aLargerBudgetHoldsLessForTheSameBurst() {
    History burstEarlier = History.flat(NOW, 1300).span(500, 10, 6300);

    assertThat(decide(CONFIG, NOW, serving("sonnet", 1, burstEarlier)).targetUnits()).isEqualTo(2);
    assertThat(decide(LOOSE, NOW, serving("sonnet", 1, burstEarlier)).targetUnits()).isEqualTo(1);
  }

  @Test
  void tooLittleHistoryDoesNotTrimBelowTheSchedule() {
    // Traffic began an hour ago: its level is known, how far it strays is not, so the forecast
    // (one unit at 1300 tps) does not trim below the schedule's 4 until a day of it says more.
    CapacityConfig scheduled = TestConfig.sonnet(4).build();
    History hour = History.missing(NOW).newest(60, 1300);

    ModelDecision d = decide(scheduled, NOW, serving("sonnet", 4, hour));

    assertThat(d.targetUnits()).isEqualTo(4);
    assertThat(d.reason()).contains("too little history to read how far demand strays");
    assertThat(decide(scheduled, NOW, serving("sonnet", 4, History.flat(NOW, 1300))).targetUnits())
        .isEqualTo(1);
  }

  @Test
  void doesNotEscalateForAYoungExcursionWithinTheHeadroom() {
    // 6500 tps is above 80 % of 2 units + 5000 on demand (5600) but within the 7000 they serve,
    // and a larger burst came eight hours ago: this one is over before a unit could serve.
    History demand = History.flat(NOW, 1300).span(480, 10, 6800).newest(4, 6500);

    ModelDecision d = decide(CONFIG, NOW, serving("sonnet", 2, demand));

    assertThat(d.reason()).doesNotContain("escalate");
    assertThat(d.targetUnits()).isEqualTo(2);
  }

  @Test
  void escalatesWhenAnExcursionOutrunsTheHeadroom() {
    // At 5 % nothing is held for bursts: a first one to 6500 escalates to fit 80 % of what serves.
    History first = History.flat(NOW, 1300).newest(4, 6500);

    ModelDecision d = decide(LOOSE, NOW, serving("sonnet", 2, first));

    assertThat(d.reason()).startsWith("escalate");
    assertThat(d.targetUnits()).isEqualTo(3);
  }

  @Test
  void onDemandTakesTheMinuteNoiseTheBudgetAllows() {
    // 40,000 tps with 1,500 tps of noise a minute: 40 units leave 5,000 on demand, 3.3 sigma, whose
    // overrun is far below 0.01 % of the tokens. A budget of 0 holds for the largest excess of
    // the day instead (about 4 sigma and the level's own error: a few units more).
    Random rnd = new Random(5);
    History demand = History.flat(NOW, 40_000);
    for (int back = 0; back < History.MINUTES; back++) {
      demand.span(back, 1, 40_000 + 1500 * rnd.nextGaussian());
    }
    CapacityConfig none = TestConfig.sonnet(0).policy("throttleBudget", 0).build();

    assertThat(decide(CONFIG, NOW, serving("sonnet", 40, History.flat(NOW, 40_000))).targetUnits())
        .isEqualTo(40);
    assertThat(decide(CONFIG, NOW, serving("sonnet", 40, demand)).targetUnits()).isEqualTo(40);
    assertThat(decide(none, NOW, serving("sonnet", 40, demand)).targetUnits()).isBetween(41, 44);
  }
}
