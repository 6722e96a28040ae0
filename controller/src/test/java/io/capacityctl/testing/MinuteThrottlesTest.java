package io.capacityctl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.sim.TimelineRow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sweep's minute-by-minute reading of "throttled where the oracle throttles none". */
class MinuteThrottlesTest {
  private static MinuteThrottles replay(double[][] demandAndThrottled) {
    MinuteThrottles m = new MinuteThrottles();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (double[] row : demandAndThrottled) {
      m.row(new TimelineRow(t, "chat", row[0], 1, 1, 1000, row[1], 0, 0));
    }
    return m;
  }

  @Test
  void onlyTheMinutesTheOracleServedWhollyCountAgainstAllTheDemand() {
    // Minute 2 is beyond the quota: the oracle throttles 500 there, the policy 800.
    MinuteThrottles policy = replay(new double[][] {{1000, 10}, {2000, 800}, {1000, 0}, {0, 0}});
    MinuteThrottles oracle = replay(new double[][] {{1000, 0}, {2000, 500}, {1000, 0}, {0, 0}});

    assertThat(MinuteThrottles.percentWhereNone(policy, oracle))
        .as("10 of 4,000 tokens/s-minutes, the 800 beside the oracle's 500 left out")
        .isCloseTo(0.25, within(1e-12));
    assertThat(MinuteThrottles.percentWhereNone(oracle, oracle)).isZero();
  }

  @Test
  void aReplayOfOtherMinutesIsRefused() {
    MinuteThrottles policy = replay(new double[][] {{1000, 0}, {1000, 0}});
    MinuteThrottles oracle = replay(new double[][] {{1000, 0}});

    assertThatThrownBy(() -> MinuteThrottles.percentWhereNone(policy, oracle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 against 1");
  }

  @Test
  void itGrowsPastItsFirstArray() {
    double[][] rows = new double[70_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {100, i == rows.length - 1 ? 7 : 0};
    }
    MinuteThrottles policy = replay(rows);
    double[][] calm = new double[70_000][];
    java.util.Arrays.fill(calm, new double[] {100, 0});

    assertThat(MinuteThrottles.percentWhereNone(policy, replay(calm)))
        .as("the last row, past 65,536, is read")
        .isCloseTo(100 * 7 / 7_000_000.0, within(1e-15));
  }
}
