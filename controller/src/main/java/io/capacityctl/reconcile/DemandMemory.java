package io.capacityctl.reconcile;

import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.time.Minutes;
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
    double[] d = new double[n];
    int from = earlier == null ? 0 : kept(s, earlier, d);
    for (int i = from; i < n; i++) {
      d[i] = s.demandTps(i);
    }
    return d;
  }

  /**
   * Copies into {@code d} the demand of the leading minutes {@code s} shares with the earlier read
   * of its range and returns how many; 0 when the range did not move on by whole minutes or what
   * overlaps differs.
   */
  private static int kept(MinuteSeries s, Derived earlier, double[] d) {
    MinuteSeries e = earlier.series();
    long moved = Minutes.after(e.start(), s.start());
    if (moved < 0 || moved >= e.size()) {
      return 0;
    }
    int shift = (int) moved;
    int overlap = Math.min(s.size(), e.size() - shift);
    if (!s.sameMinutes(0, e, shift, overlap)) {
      return 0;
    }
    System.arraycopy(earlier.demand(), shift, d, 0, overlap);
    return overlap;
  }
}
