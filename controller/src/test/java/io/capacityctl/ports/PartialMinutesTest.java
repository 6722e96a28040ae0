package io.capacityctl.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartialMinutesTest {
  private static final boolean[] NOT_SERVING = {false};
  private static final boolean[] SERVING = {true};

  @Test
  void aSeriesWhoseOutputTokensLagItsInputTokensIsLateHoweverLongTheLagWhoeverItServes() {
    // Every token metric has reported minute 2; the input tokens go on to minute 30.
    int[] complete = {2};
    int[] newest = {30};

    // Not serving callers by name (the model id): still late up to its newest minute, and silent
    // for the settle time after it, as any series; then stopped.
    assertThat(unreported(40, complete, newest, NOT_SERVING))
        .containsExactly(range(3, 30 + PartialMinutes.SETTLE_MINUTES));
    // Serving callers: late for as long as it is silent.
    assertThat(unreported(40, complete, newest, SERVING)).containsExactly(range(3, 39));
  }

  @Test
  void aSilentSeriesIsLateForTheSettleTimeUnlessItServesCallers() {
    // Metrics landing together: the complete minute is the newest.
    int[] at5 = {5};

    assertThat(unreported(20, at5, at5, NOT_SERVING))
        .containsExactly(range(6, 5 + PartialMinutes.SETTLE_MINUTES));
    assertThat(unreported(20, at5, at5, SERVING)).containsExactly(range(6, 19));
  }

  @Test
  void aSeriesNeverSeenIsNotWaitedForAndAnyLateSeriesBlanksTheMinuteOfAll() {
    int[] complete = {-1, 9, 4};
    int[] newest = {-1, 9, 12};
    boolean[] serving = {true, false, false};

    // Series 0 reported nothing (not counted); series 2 is the one still late past minute 9.
    assertThat(unreported(20, complete, newest, serving))
        .containsExactly(range(5, 12 + PartialMinutes.SETTLE_MINUTES));
  }

  @Test
  void blankingSetsEverySumOfAnUnreportedMinuteToNaNFromTheRangesOffset() {
    double[][] sums = {{1, 2, 3, 4}, {5, 6, 7, 8}, {0, 0, 0, 0}};

    // The range starts at minute 10; the series' output tokens reached 11, its input 20.
    int blanked = PartialMinutes.blankUnreported(sums, 10, new int[] {11}, new int[] {20}, SERVING);

    double nan = Double.NaN;
    assertThat(blanked).isEqualTo(2);
    assertThat(sums[0]).containsExactly(1, 2, nan, nan);
    assertThat(sums[1]).containsExactly(5, 6, nan, nan);
    assertThat(sums[2]).containsExactly(0, 0, nan, nan);
  }

  /** The minutes 0 to {@code minutes - 1} that some series has not reported. */
  private static int[] unreported(int minutes, int[] complete, int[] newest, boolean[] serving) {
    return IntStream.range(0, minutes)
        .filter(at -> PartialMinutes.unreported(at, complete, newest, serving))
        .toArray();
  }

  /** {@code from} to {@code to}, both included. */
  private static int[] range(int from, int to) {
    return IntStream.rangeClosed(from, to).toArray();
  }
}
