package io.capacityctl.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Observed demand (tokens/s, throttled requests included) for one model, minute by minute, as the
 * planner needs it to forecast: the recent past, and the same minutes a day and a week earlier
 * reaching {@code horizon} minutes past the aligned present. {@code NaN} marks a missing minute.
 *
 * <p>The recent past is {@code length} minutes of {@code buffer} from {@code from} on: the
 * reconciler's memory appends each pass's new minutes to one buffer rather than copy two days into
 * a new array every pass. The arrays are read, never written: passes share them (the reconciler's
 * memory of what it derived, the planner's of the window's excesses).
 *
 * @param lastMinute start of the newest minute of the recent past
 * @param buffer holds the recent past, oldest first, at {@code [from, from + length)}
 * @param dayAgo demand from {@code lastMinute - 1d - (profileMinutes-1)} on, length {@code
 *     profileMinutes + horizon}; null when none was read
 * @param weekAgo the same a week back; null when none was read
 * @param profileMinutes how many of the newest recent minutes the profiles align with
 */
public record DemandHistory(
    Instant lastMinute,
    double[] buffer,
    int from,
    int length,
    double[] dayAgo,
    double[] weekAgo,
    int profileMinutes) {

  public DemandHistory {
    if (from < 0 || length < 0 || from + length > buffer.length) {
      throw new IllegalArgumentException(
          "recent minutes ["
              + from
              + ", "
              + (from + length)
              + ") outside a buffer of "
              + buffer.length);
    }
  }

  /** The recent past as a whole array ({@code recent}, oldest first). */
  public DemandHistory(
      Instant lastMinute, double[] recent, double[] dayAgo, double[] weekAgo, int profileMinutes) {
    this(lastMinute, recent, 0, recent.length, dayAgo, weekAgo, profileMinutes);
  }

  /** Profiles aligned with the whole recent window. */
  public DemandHistory(Instant lastMinute, double[] recent, double[] dayAgo, double[] weekAgo) {
    this(lastMinute, recent, dayAgo, weekAgo, recent.length);
  }

  /**
   * The recent past as an array of its own, oldest first: the buffer itself when it holds nothing
   * else, else a copy (read it, never write it).
   */
  public double[] recent() {
    return from == 0 && length == buffer.length
        ? buffer
        : Arrays.copyOfRange(buffer, from, from + length);
  }

  /** Demand {@code minutesBack} minutes before {@code lastMinute} (0 = newest). */
  public double recentAt(int minutesBack) {
    int i = length - 1 - minutesBack;
    return i < 0 ? Double.NaN : buffer[from + Objects.checkIndex(i, length)];
  }

  /** Newest minute that has a datapoint, or null when every minute is missing. */
  public Instant newestPresent() {
    for (int back = 0; back < length; back++) {
      if (!Double.isNaN(recentAt(back))) {
        return lastMinute.minus(Duration.ofMinutes(back));
      }
    }
    return null;
  }

  /**
   * True when no datapoint is newer than {@code maxAge} (plus the minute a datapoint covers) before
   * {@code now}: the planner then plans from the schedule only.
   */
  public boolean staleAt(Instant now, Duration maxAge) {
    Instant newest = newestPresent();
    return newest == null || newest.plus(Duration.ofMinutes(1)).plus(maxAge).isBefore(now);
  }
}
