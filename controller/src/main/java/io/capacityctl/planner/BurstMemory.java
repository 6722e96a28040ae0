package io.capacityctl.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One model's largest short burst in its recent window (a day): the largest {@link
 * DemandForecast#burstRise} of the window's minutes. These are the bursts no purchase can be timed
 * for, which only on-demand headroom can take, and they recur at random, so they are remembered for
 * the whole day, not only the memory of {@link DemandForecast#burstHeadroom}.
 *
 * <p>It is kept from one pass to the next: the window moves on a minute or so each pass, while a
 * minute's rise reads only the minutes around it, so the rises of the minutes the last window
 * already measured, with the same data around them, are kept, and only the newest are measured. The
 * result is exactly what measuring the whole window gives; a window that is not the last one moved
 * on with the same data (a gap, a revised datapoint, a restart) is measured whole.
 *
 * <p>The planner stays a function of what it is given: this only remembers work, never a decision.
 */
final class BurstMemory {
  private Instant lastMinute;
  private double[] recent;
  private double[] rises; // rises[i]: burstRise(recent, i), 0 outside the measurable centres

  /**
   * The largest short burst in {@code recent}, whose newest minute starts at {@code lastMinute}.
   */
  synchronized double largest(Instant lastMinute, double[] recent) {
    int n = recent.length;
    int reach = DemandForecast.BURST_REACH;
    double[] next = new double[n];
    int measuredFrom = reach;
    int shift = shiftSinceLast(lastMinute, recent);
    if (shift >= 0) {
      // Centre i now was centre i + shift then, measured when i + shift + reach < n.
      int keptTo = n - shift - reach;
      System.arraycopy(rises, reach + shift, next, reach, Math.max(0, keptTo - reach));
      measuredFrom = Math.max(reach, keptTo);
    }
    double largest = 0;
    for (int i = reach; i < n - reach; i++) {
      if (i >= measuredFrom) {
        next[i] = DemandForecast.burstRise(recent, i);
      }
      largest = Math.max(largest, next[i]);
    }
    this.lastMinute = lastMinute;
    this.recent = recent.clone();
    this.rises = next;
    return largest;
  }

  /**
   * How many minutes the window moved on since the last call, or -1 when what overlaps differs (or
   * there is no last call, or it moved on further than it is long).
   */
  private int shiftSinceLast(Instant lastMinute, double[] recent) {
    if (this.lastMinute == null || this.recent.length != recent.length) {
      return -1;
    }
    Duration moved = Duration.between(this.lastMinute, lastMinute);
    int n = recent.length;
    if (moved.isNegative() || moved.toSeconds() % 60 != 0 || moved.toMinutes() >= n) {
      return -1;
    }
    int shift = (int) moved.toMinutes();
    // Same bits, NaN for NaN: a revised or filled-in datapoint is measured again.
    return Arrays.equals(this.recent, shift, n, recent, 0, n - shift) ? shift : -1;
  }
}
