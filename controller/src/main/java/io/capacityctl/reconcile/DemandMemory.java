package io.capacityctl.reconcile;

import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.time.Minutes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand last derived from each metrics range of each model ({@link MinuteSeries#demandTps}),
 * kept between passes by the reconciler so a pass derives only the minutes that are new.
 *
 * <p>Each pass still reads every range whole (level-based: a revised or late datapoint is seen);
 * the ranges move on a minute or so a pass, so where a range overlaps the last one read with the
 * same datapoints, bit for bit in all three series, the demand derived from them then is kept. The
 * result is exactly what deriving every minute gives; anything else is derived whole.
 */
final class DemandMemory {
  /**
   * The demand of a range's minutes: {@code length} values of {@code buffer} from {@code from} on.
   * Nothing a span covers is ever written again: the memory only appends past every span it made.
   */
  record Span(double[] buffer, int from, int length) {
    /** The minutes as an array of their own (a copy unless the buffer holds nothing else). */
    double[] toArray() {
      return from == 0 && length == buffer.length
          ? buffer
          : Arrays.copyOfRange(buffer, from, from + length);
    }
  }

  /** A range's last derived span, and how far its buffer is written (appends go there). */
  private record Derived(MinuteSeries series, Span demand, int written) {}

  // Per model, the last read's ranges in order (recent, a day back, a week back).
  private final Map<String, Derived[]> last = new HashMap<>();

  /**
   * The demand of every minute of each of {@code model}'s ranges, in order. The spans are shared
   * with the memory: read them, never write them (DemandHistory).
   */
  synchronized Span[] demandTps(String model, List<MinuteSeries> ranges) {
    Derived[] earlier = last.get(model);
    Derived[] now = new Derived[ranges.size()];
    Span[] demand = new Span[now.length];
    for (int r = 0; r < now.length; r++) {
      MinuteSeries s = ranges.get(r);
      now[r] = derive(s, earlier != null && earlier.length == now.length ? earlier[r] : null);
      demand[r] = now[r].demand();
    }
    last.put(model, now);
    return demand;
  }

  /**
   * The range moves on a minute or so a pass: the minutes it still shares with the last read are
   * kept where they are and the new ones appended after them, so a pass copies nothing until the
   * buffer is full (then the kept minutes move to a new one, twice the range long).
   */
  private static Derived derive(MinuteSeries s, Derived earlier) {
    int n = s.size();
    int shift = earlier == null ? -1 : shift(s, earlier);
    if (shift < 0) {
      double[] d = new double[capacity(n)];
      for (int i = 0; i < n; i++) {
        d[i] = s.demandTps(i);
      }
      return new Derived(s, new Span(d, 0, n), n);
    }
    Span e = earlier.demand();
    int kept = Math.min(n, e.length() - shift);
    int from = e.from() + shift;
    double[] d = e.buffer();
    int written = earlier.written();
    // Appending is safe only past everything written: every span made from this buffer ends there.
    if (from + kept != written || from + n > d.length) {
      double[] moved = new double[capacity(n)];
      System.arraycopy(d, from, moved, 0, kept);
      d = moved;
      from = 0;
      written = kept;
    }
    for (int i = kept; i < n; i++) {
      d[from + i] = s.demandTps(i);
    }
    return new Derived(s, new Span(d, from, n), Math.max(written, from + n));
  }

  private static int capacity(int n) {
    return 2 * Math.max(n, 1);
  }

  /**
   * How many minutes {@code s} moved on from the earlier read of its range when the minutes they
   * share are the same, so the demand derived then is kept for them; -1 when the range did not move
   * on by whole minutes or what overlaps differs.
   */
  private static int shift(MinuteSeries s, Derived earlier) {
    MinuteSeries e = earlier.series();
    long moved = Minutes.after(e.start(), s.start());
    if (moved < 0 || moved >= e.size()) {
      return -1;
    }
    int shift = (int) moved;
    int overlap = Math.min(s.size(), e.size() - shift);
    return s.sameMinutes(0, e, shift, overlap) ? shift : -1;
  }
}
