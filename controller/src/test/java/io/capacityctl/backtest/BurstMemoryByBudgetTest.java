package io.capacityctl.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.TimelineRow;
import io.capacityctl.sim.TimelineSink;
import io.capacityctl.sim.Trace;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How long a burst is remembered, end to end (the observer reads the window the planner asks for,
 * the planner holds for what it reads): 1/budget minutes, so nearly a week at the default 0.01 %
 * and two days at 0.1 %. One model (1,000 tokens/s a unit, 5,000 on demand), 1,300 tokens/s with
 * ten minutes at 8,300 on the second day (0.6 % of two days' tokens beyond one unit and on demand,
 * more than either budget): units are held for the burst while it is remembered, one after.
 */
class BurstMemoryByBudgetTest {
  private static final Instant START = Instant.parse("2027-01-04T00:00:00Z");
  private static final int DAY = 1440;
  private static final int BURST = DAY + 720;

  @Test
  void theDefaultBudgetRemembersABurstForNearlyAWeekAndALooserOneForTwoDays() {
    Map<Integer, Integer> byDefault = unitsAfterTheBurst(TestConfig.sonnet(0).build());
    Map<Integer, Integer> loose =
        unitsAfterTheBurst(TestConfig.sonnet(0).policy("throttleBudget", "0.1%").build());

    for (int days : new int[] {1, 3, 5}) {
      assertThat(byDefault.get(days))
          .as("units %d days after the burst, 0.01 %%", days)
          .isGreaterThan(1);
    }
    assertThat(loose.get(1)).as("units a day after the burst, 0.1 %").isGreaterThan(1);
    assertThat(loose.get(3)).as("units 3 days after the burst, 0.1 %").isEqualTo(1);
    assertThat(loose.get(5)).as("units 5 days after the burst, 0.1 %").isEqualTo(1);
  }

  /** Units in service 1, 3 and 5 days after the burst. */
  private static Map<Integer, Integer> unitsAfterTheBurst(CapacityConfig config) {
    double[] demand = new double[7 * DAY];
    Arrays.fill(demand, 1300);
    Arrays.fill(demand, BURST, BURST + 10, 8300);
    Trace trace = new Trace(START, demand.length, Map.of("sonnet", demand));
    Map<Integer, Integer> units = new HashMap<>();
    Backtest.run(
        config,
        trace,
        List.of(PolicyName.CAPACITYCTL),
        Map.of(
            PolicyName.CAPACITYCTL,
            (TimelineSink)
                (TimelineRow r) -> {
                  long minute = Duration.between(START, r.t()).toMinutes();
                  for (int days : new int[] {1, 3, 5}) {
                    if (minute == BURST + days * DAY) {
                      units.put(days, r.inService());
                    }
                  }
                }));
    return units;
  }
}
