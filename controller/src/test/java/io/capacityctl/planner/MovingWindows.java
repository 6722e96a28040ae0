package io.capacityctl.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Recent windows as the reconciler hands them to the planner pass after pass (DemandMemory): spans
 * of an append-only buffer moving on one to three minutes a pass, moved to a new buffer when the
 * old one is full, and now and then read afresh into a new buffer (a revised datapoint, a restart).
 */
final class MovingWindows {
  /** One pass's window: the {@code n} minutes of {@code buffer} from {@code from} on. */
  record Window(Instant lastMinute, double[] buffer, int from, int n) {
    Instant first() {
      return lastMinute.minus(Duration.ofMinutes(n - 1));
    }
  }

  private MovingWindows() {}

  /**
   * The windows of {@code n} minutes over {@code series} (minute i starting at {@code start} plus i
   * minutes), from the one ending at minute {@code n} to the end of the series. Now and then a
   * datapoint inside the next window is revised (doubled in {@code series}) and the window read
   * afresh.
   */
  static List<Window> over(double[] series, Instant start, int n, Random random) {
    List<Window> windows = new ArrayList<>();
    double[] buffer = null;
    int from = 0;
    int offset = 0; // buffer[j] holds series[j + offset]
    for (int end = n; end <= series.length; end += 1 + random.nextInt(3)) {
      boolean revised = buffer != null && random.nextInt(50) == 0;
      if (revised) {
        series[end - 5] *= 2;
      }
      int written = from + n;
      from = end - n - offset;
      if (buffer == null || revised || from + n > buffer.length) {
        buffer = new double[2 * n];
        from = 0;
        offset = end - n;
        written = 0;
      }
      for (int j = written; j < from + n; j++) {
        buffer[j] = series[j + offset];
      }
      windows.add(new Window(start.plus(Duration.ofMinutes(end - 1)), buffer, from, n));
    }
    return windows;
  }
}
