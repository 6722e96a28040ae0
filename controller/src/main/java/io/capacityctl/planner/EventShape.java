package io.capacityctl.planner;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.time.LocalDays;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Events as the forecast sees them: the observed demand and its day- and week-ago profiles divided
 * by the multiplier that applied to each minute ({@link EventMultipliers}), so the forecast is made
 * of demand without events and a profile that holds last week's release does not count it twice;
 * and the multiplier of each minute ahead, by which that forecast is multiplied back. A multiplier
 * below 1 (a holiday dip) lowers the expectation over {@code [start, start + duration)} as one
 * above 1 raises it.
 *
 * @param history the de-evented history the forecast reads
 * @param ahead per minute ahead (index tau-1), the multiplier that will apply
 */
record EventShape(DemandHistory history, double[] ahead) {

  /**
   * The shape for one model's pass, or null when no event touches the recent window, the profiles
   * or the minutes ahead (the forecast then reads the history as observed).
   *
   * @param recent the model's recent minutes divided, kept from pass to pass
   */
  static EventShape of(
      CapacityCalendar calendar,
      String model,
      ZoneId zone,
      DemandHistory h,
      int horizon,
      DividedDemand recent) {
    Instant last = h.lastMinute();
    int n = h.length();
    Instant first = last.minus(Duration.ofMinutes(n - 1));
    Instant dayFirst = profileStart(zone, last, 1, h.profileMinutes());
    Instant weekFirst = profileStart(zone, last, 7, h.profileMinutes());
    // Most passes see no event at all: nothing is allocated for them.
    if (untouched(calendar, model, first, n + horizon)
        && untouched(calendar, model, dayFirst, h.dayAgo())
        && untouched(calendar, model, weekFirst, h.weekAgo())) {
      return null;
    }
    double[] ahead = new double[horizon];
    boolean any =
        EventMultipliers.fill(calendar, model, last.plus(Duration.ofMinutes(1)), horizon, ahead);
    double[] base = recent.of(last, h.buffer(), h.from(), n);
    double[] day = EventMultipliers.divided(calendar, model, dayFirst, h.dayAgo());
    double[] week = EventMultipliers.divided(calendar, model, weekFirst, h.weekAgo());
    any |= base != null || day != h.dayAgo() || week != h.weekAgo();
    if (!any) {
      return null;
    }
    // The divided minutes sit at the demand's indices of their own buffer.
    double[] buffer = base != null ? base : h.buffer();
    return new EventShape(
        new DemandHistory(last, buffer, h.from(), n, day, week, h.profileMinutes()), ahead);
  }

  /** The largest multiplier over the minutes ahead. */
  double maxAhead() {
    double m = 0;
    for (double a : ahead) {
      m = Math.max(m, a);
    }
    return m;
  }

  private static boolean untouched(
      CapacityCalendar calendar, String model, Instant first, double[] profile) {
    return profile == null || untouched(calendar, model, first, profile.length);
  }

  private static boolean untouched(
      CapacityCalendar calendar, String model, Instant first, int minutes) {
    return calendar.occurrences(model, first, first.plus(Duration.ofMinutes(minutes))).isEmpty();
  }

  /** The first minute of a profile read {@code days} local days before {@code last}. */
  private static Instant profileStart(ZoneId zone, Instant last, int days, int p) {
    Instant anchor = LocalDays.back(last, days, zone);
    return anchor.minus(Duration.ofMinutes(p - 1));
  }
}
