package io.capacityctl.planner;

import java.time.Duration;
import java.time.Instant;

/**
 * Observed demand (tokens/s, throttled requests included) for one model, minute by minute, as the
 * planner needs it to forecast: the recent past, and the same minutes a day and a week earlier
 * reaching {@code horizon} minutes past the aligned present. {@code NaN} marks a missing minute.
 *
 * <p>The arrays are read, never written: passes share them (the reconciler's memory of what it
 * derived, the planner's of the day's bursts) rather than copy a day of minutes each pass.
 *
 * @param lastMinute start of the newest minute in {@code recent}
 * @param recent demand for the minutes ending at {@code lastMinute}, oldest first
 * @param dayAgo demand from {@code lastMinute - 1d - (profileMinutes-1)} on, length {@code
 *     profileMinutes + horizon}; null when none was read
 * @param weekAgo the same a week back; null when none was read
 * @param profileMinutes how many of the newest {@code recent} minutes the profiles align with
 */
public record DemandHistory(
    Instant lastMinute, double[] recent, double[] dayAgo, double[] weekAgo, int profileMinutes) {

  /** Profiles aligned with the whole recent window. */
  public DemandHistory(Instant lastMinute, double[] recent, double[] dayAgo, double[] weekAgo) {
    this(lastMinute, recent, dayAgo, weekAgo, recent.length);
  }

  /** Demand {@code minutesBack} minutes before {@code lastMinute} (0 = newest). */
  public double recentAt(int minutesBack) {
    int i = recent.length - 1 - minutesBack;
    return i < 0 ? Double.NaN : recent[i];
  }

  /** Newest minute that has a datapoint, or null when every minute is missing. */
  public Instant newestPresent() {
    for (int back = 0; back < recent.length; back++) {
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
