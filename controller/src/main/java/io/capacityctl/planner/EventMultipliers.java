package io.capacityctl.planner;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.calendar.EventOccurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The calendar's multiplier on a model's demand minute by minute: over {@code [start, start +
 * duration)} of each occurrence, the largest multiplier in force (below 1 as well: a holiday dip),
 * 1 elsewhere. The lead time is not part of it: it says when to prepare, not what demand is.
 *
 * <p>The planner divides observed demand by the multiplier that applied then (so a profile that
 * holds last week's release does not count it twice) and multiplies the forecast by the one that
 * will apply ({@link EventShape}).
 */
final class EventMultipliers {
  private EventMultipliers() {}

  /**
   * Fills {@code out[0 .. minutes)} with the multiplier of each minute from {@code first} on.
   *
   * @return true when some minute has an event (false: every value is 1)
   */
  static boolean fill(
      CapacityCalendar calendar, String model, Instant first, int minutes, double[] out) {
    Arrays.fill(out, 0, minutes, 1.0);
    if (minutes <= 0) {
      return false;
    }
    Instant end = first.plus(Duration.ofMinutes(minutes));
    List<EventOccurrence> found = calendar.occurrences(model, first, end);
    if (found.isEmpty()) {
      return false;
    }
    // NaN marks "no event yet": a minute's first occurrence sets it, so a lone dip below 1 applies;
    // where occurrences overlap the largest multiplier applies (as in the calendar's expectation).
    Arrays.fill(out, 0, minutes, Double.NaN);
    boolean any = false;
    long firstSecond = first.getEpochSecond();
    for (EventOccurrence o : found) {
      // The minutes whose start lies in [start, end).
      long from = Math.max(0, ceilMinutes(o.start().getEpochSecond() - firstSecond));
      long to = Math.min(minutes, ceilMinutes(o.end().getEpochSecond() - firstSecond));
      double m = o.event().multiplier();
      for (long i = from; i < to; i++) {
        int k = (int) i;
        out[k] = Double.isNaN(out[k]) ? m : Math.max(out[k], m);
        any = true;
      }
    }
    for (int k = 0; k < minutes; k++) {
      if (Double.isNaN(out[k])) {
        out[k] = 1.0;
      }
    }
    return any;
  }

  private static long ceilMinutes(long seconds) {
    return Math.floorDiv(seconds + 59, 60);
  }
}
