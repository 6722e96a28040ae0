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
  private record Derived(MinuteSeries series, double[] demand) {}

  // Per model, the last read's ranges in order (recent, a day back, a week back).
  private final Map<String, Derived[]> last = new HashMap<>();

  /**
   * The demand of every minute of each of {@code model}'s ranges, in order. The arrays are shared
   * with the memory: read them, never write them (DemandHistory).
   */
  synchronized double[][] demandTps(String model, List<MinuteSeries> ranges) {
    Derived[] earlier = last.get(model);
    Derived[] now = new Derived[ranges.size()];
    double[][] demand = new double[now.length][];
    for (int r = 0; r < now.length; r++) {
      MinuteSeries s = ranges.get(r);
      demand[r] = derive(s, earlier != null && earlier.length == now.length ? earlier[r] : null);
      now[r] = new Derived(s, demand[r]);
    }
    last.put(model, now);
    return demand;
  }

  private static double[] derive(MinuteSeries s, Derived earlier) {
    int n = s.size();
    int shift = earlier == null ? -1 : shift(s, earlier);
    // The kept minutes copied without first zeroing the array (copyOfRange zeroes only the tail).
    double[] d = shift < 0 ? new double[n] : Arrays.copyOfRange(earlier.demand(), shift, shift + n);
    int from = shift < 0 ? 0 : Math.min(n, earlier.series().size() - shift);
    for (int i = from; i < n; i++) {
      d[i] = s.demandTps(i);
    }
    return d;
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
