package io.capacityctl.planner;

import io.capacityctl.time.Minutes;
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
  // The measured centres that can still be the window's largest, oldest first, rises decreasing: a
  // centre with a later one at least as large never is again, the later one leaves the window last.
  // A ring of (minute since the epoch, rise); only rises above zero are kept.
  private long[] minutes = new long[0];
  private double[] rises = new double[0];
  private int head;
  private int size;

  /**
   * The largest short burst in {@code recent}, whose newest minute starts at {@code lastMinute}.
   */
  synchronized double largest(Instant lastMinute, double[] recent) {
    int n = recent.length;
    int reach = DemandForecast.BURST_REACH;
    long first = Math.floorDiv(lastMinute.getEpochSecond(), 60) - (n - 1); // recent[0]'s minute
    int measuredFrom = reach;
    int shift = shiftSinceLast(lastMinute, recent);
    if (shift >= 0) {
      // Centre i now was centre i + shift then, measured when i + shift + reach < n.
      while (size > 0 && minutes[head] < first + reach) {
        head = (head + 1) % minutes.length;
        size--;
      }
      measuredFrom = Math.max(reach, n - shift - reach);
    } else {
      if (minutes.length < n) {
        minutes = new long[n];
        rises = new double[n];
      }
      head = 0;
      size = 0;
    }
    for (int i = measuredFrom; i < n - reach; i++) {
      double rise = DemandForecast.burstRise(recent, i);
      if (rise > 0) {
        while (size > 0 && rises[(head + size - 1) % rises.length] <= rise) {
          size--;
        }
        int at = (head + size) % rises.length;
        minutes[at] = first + i;
        rises[at] = rise;
        size++;
      }
    }
    this.lastMinute = lastMinute;
    this.recent = recent; // shared, never written (DemandHistory)
    return size == 0 ? 0 : rises[head];
  }

  /**
   * How many minutes the window moved on since the last call, or -1 when what overlaps differs (or
   * there is no last call, or it moved on further than it is long).
   */
  private int shiftSinceLast(Instant lastMinute, double[] recent) {
    if (this.lastMinute == null || this.recent.length != recent.length) {
      return -1;
    }
    long moved = Minutes.after(this.lastMinute, lastMinute);
    int n = recent.length;
    if (moved < 0 || moved >= n) {
      return -1;
    }
    int shift = (int) moved;
    // Same bits, NaN for NaN: a revised or filled-in datapoint is measured again.
    return Arrays.equals(this.recent, shift, n, recent, 0, n - shift) ? shift : -1;
  }
}
