package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The day's short bursts kept from pass to pass: every pass must give exactly what measuring the
 * whole window gives, however the window moved or its data changed.
 */
class BurstMemoryTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final int WINDOW = 1440;

  /** Noise around 1,500 tps with a ten-minute burst of 3,000 more every ~two hours. */
  private static double[] bursty(int minutes) {
    Random rnd = new Random(7);
    double[] d = new double[minutes];
    for (int i = 0; i < minutes; i++) {
      d[i] = 1500 * (1 + 0.05 * rnd.nextGaussian()) + (i % 117 < 10 ? 3000 : 0);
    }
    return d;
  }

  /** The definition: the largest rise of any minute, every minute of the window measured. */
  private static double wholeWindow(double[] recent) {
    double largest = 0;
    for (int i = DemandForecast.BURST_REACH; i < recent.length - DemandForecast.BURST_REACH; i++) {
      largest = Math.max(largest, DemandForecast.burstRise(recent, i));
    }
    return largest;
  }

  private static double memory(BurstMemory m, double[] trace, int start) {
    return m.largest(
        T0.plus(Duration.ofMinutes(start + WINDOW - 1)),
        Arrays.copyOfRange(trace, start, start + WINDOW));
  }

  @Test
  void givesTheWholeWindowsFigureMinuteAfterMinute() {
    double[] trace = bursty(WINDOW + 400);
    BurstMemory m = new BurstMemory();
    for (int start = 0; start + WINDOW <= trace.length; start += 1 + start % 3) {
      double[] window = Arrays.copyOfRange(trace, start, start + WINDOW);
      assertThat(memory(m, trace, start)).isEqualTo(wholeWindow(window));
    }
    assertThat(wholeWindow(Arrays.copyOfRange(trace, 0, WINDOW))).isGreaterThan(2000);
  }

  @Test
  void measuresAgainWhatWasRevisedOrGapped() {
    double[] trace = bursty(WINDOW + 200);
    BurstMemory m = new BurstMemory();
    memory(m, trace, 0);
    // A burst filled in late, in the middle of what the last window already measured.
    double[] revised = trace.clone();
    for (int i = 600; i < 605; i++) {
      revised[i] += 20000;
    }
    double[] window = Arrays.copyOfRange(revised, 1, 1 + WINDOW);
    assertThat(memory(m, revised, 1)).isEqualTo(wholeWindow(window)).isGreaterThan(15000);
    // Passes missed for over two hours, then one an hour back (a clock set back): measured whole.
    assertThat(memory(m, trace, 150))
        .isEqualTo(wholeWindow(Arrays.copyOfRange(trace, 150, 150 + WINDOW)));
    assertThat(memory(m, trace, 90))
        .isEqualTo(wholeWindow(Arrays.copyOfRange(trace, 90, 90 + WINDOW)));
  }

  @Test
  void aGapInTheDataIsNoBurst() {
    double[] gapped = new double[WINDOW];
    Arrays.fill(gapped, 1500);
    Arrays.fill(gapped, 700, 720, Double.NaN);
    gapped[710] = 9000; // one present minute among missing ones: its mean has too few minutes
    BurstMemory m = new BurstMemory();
    assertThat(m.largest(T0, gapped)).isZero();
  }
}
