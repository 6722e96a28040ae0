package io.capacityctl.sim;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory CloudWatch for the simulator: per model and minute, the tokens and invocations served
 * and the invocations throttled. A minute becomes readable once it is over; a minute never recorded
 * (or blanked by a fault) reads as missing, never as zero.
 */
public final class SimMetrics implements MetricsApi {
  private final Clock clock;
  private final Instant start;
  private final Map<String, Recorded> series = new LinkedHashMap<>();
  private final Faults faults = new Faults();
  private int reads;
  private double[] missing = new double[0]; // all NaN, never written: views of it read as missing

  /** A model's minutes: tokens, invocations, throttles. */
  private static final class Recorded {
    double[][] s;
    // Minutes before this were handed out in views (MinuteSeries.view): the arrays are copied
    // before any of them is written, so that what a reader holds never changes.
    long exposed;

    Recorded(double[][] s) {
      this.s = s;
    }
  }

  public SimMetrics(Clock clock, Instant start, int minutes, List<String> models) {
    this.clock = clock;
    this.start = start;
    for (String m : models) {
      double[][] s = new double[3][minutes];
      for (double[] a : s) {
        Arrays.fill(a, Double.NaN);
      }
      series.put(m, new Recorded(s));
    }
  }

  public Faults faults() {
    return faults;
  }

  /** Records one minute of traffic for a model. */
  public synchronized void record(
      String model, int minute, double tokens, double invocations, double throttles) {
    double[][] s = writable(series.get(model), minute);
    s[0][minute] = tokens;
    s[1][minute] = invocations;
    s[2][minute] = throttles;
  }

  /** Blanks minutes [from, to) of every model: CloudWatch returned no data for them. */
  public synchronized void blank(int fromMinute, int toMinute) {
    for (Recorded r : series.values()) {
      for (double[] a : writable(r, fromMinute)) {
        Arrays.fill(a, Math.max(0, fromMinute), Math.min(a.length, toMinute), Double.NaN);
      }
    }
  }

  /** The model's arrays, copied first when {@code fromMinute} was already handed out in a view. */
  private static double[][] writable(Recorded r, int fromMinute) {
    if (fromMinute < r.exposed) {
      r.s = new double[][] {r.s[0].clone(), r.s[1].clone(), r.s[2].clone()};
      r.exposed = 0;
    }
    return r.s;
  }

  public synchronized int reads() {
    return reads;
  }

  @Override
  public synchronized Map<String, List<MinuteSeries>> read(
      List<String> modelKeys, List<TimeRange> ranges) {
    faults.check(AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction());
    reads++;
    // Minute m (from start) is readable once it is over: start + (m + 1) minutes <= now.
    long readable = Math.floorDiv(clock.instant().getEpochSecond() - start.getEpochSecond(), 60);
    Map<String, List<MinuteSeries>> out = new LinkedHashMap<>();
    for (String model : modelKeys) {
      Recorded rec = series.get(model);
      double[][] s = rec == null ? null : rec.s;
      List<MinuteSeries> list = new ArrayList<>(ranges.size());
      for (TimeRange r : ranges) {
        int n = r.minutes();
        long first = Math.floorDiv(r.from().getEpochSecond() - start.getEpochSecond(), 60);
        int lo = (int) Math.min(n, Math.max(0, -first));
        int hi =
            s == null
                ? lo
                : (int) Math.max(lo, Math.min(n, Math.min(s[0].length, readable) - first));
        if (lo == 0 && hi == n && n > 0) {
          // All of it recorded, the usual case (the controller reads a day of it every pass).
          list.add(MinuteSeries.view(r.from(), s[0], s[1], s[2], (int) first, n));
          rec.exposed = Math.max(rec.exposed, first + n);
        } else if (lo == hi) {
          // None of it recorded: a week back in the simulation's first week, every pass.
          double[] none = missing(n);
          list.add(MinuteSeries.view(r.from(), none, none, none, 0, n));
        } else {
          list.add(
              new MinuteSeries(
                  r.from(),
                  window(s, 0, first, lo, hi, n),
                  window(s, 1, first, lo, hi, n),
                  window(s, 2, first, lo, hi, n)));
        }
      }
      out.put(model, list);
    }
    return out;
  }

  private double[] missing(int n) {
    if (missing.length < n) {
      missing = new double[n];
      Arrays.fill(missing, Double.NaN);
    }
    return missing;
  }

  /**
   * Series {@code k} of a model over the {@code n} minutes from {@code first}: what was recorded in
   * [lo, hi), missing around it.
   */
  private static double[] window(double[][] s, int k, long first, int lo, int hi, int n) {
    double[] v = new double[n];
    Arrays.fill(v, 0, lo, Double.NaN);
    if (hi > lo) {
      System.arraycopy(s[k], (int) (first + lo), v, lo, hi - lo);
    }
    Arrays.fill(v, hi, n, Double.NaN);
    return v;
  }
}
