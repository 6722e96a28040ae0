package io.capacityctl.planner;

/**
 * How much observed history a plan needs, so the reconcile path reads it in one metrics call.
 *
 * @param recentMinutes minutes of recent demand, ending at the newest complete minute
 * @param horizonMinutes minutes past the aligned present to read a day and a week back
 * @param profileMinutes minutes before the aligned present to read a day and a week back (at most
 *     {@code recentMinutes}): the profiles are compared with only the newest part of the recent
 *     window, which may be far longer (a day, to remember bursts)
 */
public record HistoryWindow(int recentMinutes, int horizonMinutes, int profileMinutes) {

  /** Profiles as long as the recent window. */
  public HistoryWindow(int recentMinutes, int horizonMinutes) {
    this(recentMinutes, horizonMinutes, recentMinutes);
  }
}
