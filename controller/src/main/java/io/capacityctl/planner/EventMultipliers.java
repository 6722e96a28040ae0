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
    List<EventOccurrence> found = occurrences(calendar, model, first, minutes);
    int[] span = span(found, first, minutes);
    if (span == null) {
      return false;
    }
    fill(found, first, span, out, 0);
    return true;
  }

  /**
   * {@code values}, minutes from {@code first} on, divided by the multiplier in force at each:
   * {@code values} itself when no event touches them (never written), else a new array. Only the
   * minutes between the first and the last an event touches are divided (x / 1 is x): most passes
   * see an event in a few hours of a two-day window.
   */
  static double[] divided(CapacityCalendar calendar, String model, Instant first, double[] values) {
    if (values == null || values.length == 0) {
      return values;
    }
    List<EventOccurrence> found = occurrences(calendar, model, first, values.length);
    int[] span = span(found, first, values.length);
    if (span == null) {
      return values;
    }
    double[] m = new double[span[1] - span[0]];
    fill(found, first, span, m, span[0]);
    double[] out = values.clone();
    for (int k = span[0]; k < span[1]; k++) {
      out[k] = values[k] / m[k - span[0]];
    }
    return out;
  }

  private static List<EventOccurrence> occurrences(
      CapacityCalendar calendar, String model, Instant first, int minutes) {
    return calendar.occurrences(model, first, first.plus(Duration.ofMinutes(minutes)));
  }

  /**
   * The minutes {@code [from, to)} an occurrence touches, from {@code first} on (to may be from).
   */
  private static long[] range(EventOccurrence o, long firstSecond, int minutes) {
    // The minutes whose start lies in [start, end).
    long from = Math.max(0, ceilMinutes(o.start().getEpochSecond() - firstSecond));
    long to = Math.min(minutes, ceilMinutes(o.end().getEpochSecond() - firstSecond));
    return new long[] {from, to};
  }

  /** {@code [first minute, last minute + 1)} any occurrence touches, or null when none does. */
  private static int[] span(List<EventOccurrence> found, Instant first, int minutes) {
    long lo = minutes;
    long hi = 0;
    for (EventOccurrence o : found) {
      long[] r = range(o, first.getEpochSecond(), minutes);
      if (r[0] < r[1]) {
        lo = Math.min(lo, r[0]);
        hi = Math.max(hi, r[1]);
      }
    }
    return lo < hi ? new int[] {(int) lo, (int) hi} : null;
  }

  /** Fills {@code out[k - base]} for the minutes k of {@code span} with their multiplier. */
  private static void fill(
      List<EventOccurrence> found, Instant first, int[] span, double[] out, int base) {
    // NaN marks "no event yet": a minute's first occurrence sets it, so a lone dip below 1 applies;
    // where occurrences overlap the largest multiplier applies (as in the calendar's expectation).
    Arrays.fill(out, span[0] - base, span[1] - base, Double.NaN);
    for (EventOccurrence o : found) {
      long[] r = range(o, first.getEpochSecond(), span[1]);
      double m = o.event().multiplier();
      for (long i = Math.max(r[0], span[0]); i < r[1]; i++) {
        int k = (int) i - base;
        out[k] = Double.isNaN(out[k]) ? m : Math.max(out[k], m);
      }
    }
    for (int k = span[0] - base; k < span[1] - base; k++) {
      if (Double.isNaN(out[k])) {
        out[k] = 1.0;
      }
    }
  }

  private static long ceilMinutes(long seconds) {
    return Math.floorDiv(seconds + 59, 60);
  }
}
