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
    Touched t = Touched.of(calendar, model, first, minutes);
    if (t == null) {
      return false;
    }
    t.fill(out, 0);
    return true;
  }

  /**
   * {@code values}, minutes from {@code first} on, divided by the multiplier in force at each:
   * {@code values} itself when no event touches them (never written), else a new array.
   */
  static double[] divided(CapacityCalendar calendar, String model, Instant first, double[] values) {
    if (values == null) {
      return null;
    }
    Touched t = Touched.of(calendar, model, first, values.length);
    if (t == null) {
      return values;
    }
    double[] out = values.clone();
    t.divide(out, 0);
    return out;
  }

  /**
   * Divides the {@code n} values of {@code values} from {@code from} on (minutes from {@code first}
   * on) by the multiplier in force at each, in place, and no other value. Only the minutes between
   * the first and the last an event touches are divided (x / 1 is x).
   *
   * @return the last of them an event touches, counted from {@code from}; -1 when none is touched
   *     (nothing is written)
   */
  static int divide(
      CapacityCalendar calendar, String model, Instant first, double[] values, int from, int n) {
    Touched t = Touched.of(calendar, model, first, n);
    if (t == null) {
      return -1;
    }
    t.divide(values, from);
    return t.hi - 1;
  }

  /**
   * The occurrences that touch {@code minutes} minutes, each with the minutes {@code [from, to)}
   * whose start lies in its {@code [start, end)}, and {@code [lo, hi)} from the first touched
   * minute to the last, all counted from the first minute.
   */
  private record Touched(List<EventOccurrence> found, int[] from, int[] to, int lo, int hi) {

    /** Null when no minute is touched. */
    static Touched of(CapacityCalendar calendar, String model, Instant first, int minutes) {
      if (minutes <= 0) {
        return null;
      }
      List<EventOccurrence> found =
          calendar.occurrences(model, first, first.plus(Duration.ofMinutes(minutes)));
      int[] from = new int[found.size()];
      int[] to = new int[found.size()];
      int lo = minutes;
      int hi = 0;
      long firstSecond = first.getEpochSecond();
      for (int i = 0; i < from.length; i++) {
        EventOccurrence o = found.get(i);
        // Clamped to [0, minutes] before narrowing: an occurrence may lie far either side.
        from[i] = (int) clamp(ceilMinutes(o.start().getEpochSecond() - firstSecond), minutes);
        to[i] = (int) clamp(ceilMinutes(o.end().getEpochSecond() - firstSecond), minutes);
        if (from[i] < to[i]) {
          lo = Math.min(lo, from[i]);
          hi = Math.max(hi, to[i]);
        }
      }
      return lo < hi ? new Touched(found, from, to, lo, hi) : null;
    }

    /** Divides {@code values[at + k]} by the multiplier of minute k, for k in {@code [lo, hi)}. */
    void divide(double[] values, int at) {
      double[] m = new double[hi - lo];
      fill(m, lo);
      for (int k = lo; k < hi; k++) {
        values[at + k] /= m[k - lo];
      }
    }

    /** Fills {@code out[k - base]} for the minutes k of {@code [lo, hi)} with their multiplier. */
    void fill(double[] out, int base) {
      // NaN marks "no event yet": a minute's first occurrence sets it, so a lone dip below 1
      // applies; where occurrences overlap the largest multiplier applies (as in the calendar's
      // expectation).
      Arrays.fill(out, lo - base, hi - base, Double.NaN);
      for (int i = 0; i < from.length; i++) {
        double m = found.get(i).event().multiplier();
        for (int k = from[i] - base; k < to[i] - base; k++) {
          out[k] = Double.isNaN(out[k]) ? m : Math.max(out[k], m);
        }
      }
      for (int k = lo - base; k < hi - base; k++) {
        if (Double.isNaN(out[k])) {
          out[k] = 1.0;
        }
      }
    }
  }

  private static long clamp(long minute, int minutes) {
    return Math.max(0, Math.min(minutes, minute));
  }

  private static long ceilMinutes(long seconds) {
    return Math.floorDiv(seconds + 59, 60);
  }
}
