package io.capacityctl.sim;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.PartialMinutes;
import io.capacityctl.ports.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-memory CloudWatch for the simulator: per model and minute, the tokens and invocations served
 * and the invocations throttled. A minute becomes readable once it is over; a minute never recorded
 * (or blanked by a fault) reads as missing, never as zero.
 */
public final class SimMetrics implements MetricsApi {
  /**
   * Minutes kept, all missing, before the start: the controller reads a week and a day back, so
   * from the first minute on every range it reads lies in the arrays and is handed out as a view.
   */
  private static final int BEFORE = 8 * 1440;

  private final Clock clock;
  private final Instant start;
  private final Map<String, Recorded> series = new LinkedHashMap<>();
  private final Faults faults = new Faults();
  private int reads;
  // The PT-ARN series' lag behind the on-demand series (a fault): from when it is set, each model's
  // minutes also keep the PT share of their tokens and invocations, so a read can leave it out of
  // the minutes whose PT datapoints have not arrived yet.
  private int ptLagMinutes;

  /** A model's minutes, {@link #BEFORE} missing ones first: tokens, invocations, throttles. */
  private static final class Recorded {
    double[][] s;
    // The PT share of tokens and invocations, once a PT-series lag is injected; null before.
    double[][] pt;
    // Indices before this were handed out in views (MinuteSeries.view): the arrays are copied
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
      double[][] s = new double[3][BEFORE + minutes];
      for (double[] a : s) {
        Arrays.fill(a, Double.NaN);
      }
      series.put(m, new Recorded(s));
    }
  }

  public Faults faults() {
    return faults;
  }

  /**
   * One model's recorded minutes from the start, as a sandbox keeps them between processes: per
   * minute tokens, invocations and throttles; NaN where nothing was recorded. Minutes after the
   * last recorded one are left out (missing).
   */
  public record SavedSeries(double[] tokens, double[] invocations, double[] throttles) {}

  /** Per model key, what was recorded. */
  public synchronized Map<String, SavedSeries> save() {
    Map<String, SavedSeries> out = new LinkedHashMap<>();
    series.forEach(
        (model, r) -> {
          int end = r.s[0].length;
          while (end > BEFORE
              && Double.isNaN(r.s[0][end - 1])
              && Double.isNaN(r.s[1][end - 1])
              && Double.isNaN(r.s[2][end - 1])) {
            end--;
          }
          out.put(
              model,
              new SavedSeries(
                  Arrays.copyOfRange(r.s[0], BEFORE, end),
                  Arrays.copyOfRange(r.s[1], BEFORE, end),
                  Arrays.copyOfRange(r.s[2], BEFORE, end)));
        });
    return out;
  }

  /**
   * Replaces what was recorded with {@code saved} (models this account does not have are ignored).
   * New arrays: series already handed out in views stay as they were.
   */
  public synchronized void restore(Map<String, SavedSeries> saved) {
    series.forEach(
        (model, r) -> {
          int length = r.s[0].length;
          double[][] s = new double[3][length];
          for (double[] a : s) {
            Arrays.fill(a, Double.NaN);
          }
          SavedSeries from = saved.get(model);
          if (from != null) {
            double[][] src = {from.tokens(), from.invocations(), from.throttles()};
            for (int k = 0; k < 3; k++) {
              System.arraycopy(src[k], 0, s[k], BEFORE, Math.min(src[k].length, length - BEFORE));
            }
          }
          r.s = s;
          r.exposed = 0;
          // A PT-series lag is a fault of this process's tests, not kept: its shares start over.
          r.pt = r.pt == null ? null : new double[2][length];
        });
  }

  /** Records one minute of traffic for a model, all of it on demand. */
  public synchronized void record(
      String model, int minute, double tokens, double invocations, double throttles) {
    record(model, minute, tokens, invocations, throttles, 0, 0);
  }

  /**
   * Records one minute of traffic for a model: the totals, and the share of them that PTs served
   * (CloudWatch's PT-ARN series; the rest is the on-demand series).
   */
  public synchronized void record(
      String model,
      int minute,
      double tokens,
      double invocations,
      double throttles,
      double ptTokens,
      double ptInvocations) {
    int at = BEFORE + minute;
    Recorded r = series.get(model);
    double[][] s = writable(r, at);
    s[0][at] = tokens;
    s[1][at] = invocations;
    s[2][at] = throttles;
    if (r.pt != null) {
      r.pt[0][at] = ptTokens;
      r.pt[1][at] = ptInvocations;
    }
  }

  /**
   * From now on the PT-ARN series arrive {@code lag} later than the on-demand series, as
   * CloudWatch's eventually consistent datapoints may: a minute whose PT datapoints are not in yet
   * reads as its on-demand traffic alone. Zero ends the fault.
   */
  public synchronized void delayPtSeries(Duration lag) {
    ptLagMinutes = (int) lag.toMinutes();
    for (Recorded r : series.values()) {
      if (r.pt == null) {
        r.pt = new double[2][r.s[0].length];
      }
    }
  }

  /** Blanks minutes [from, to) of every model: CloudWatch returned no data for them. */
  public synchronized void blank(int fromMinute, int toMinute) {
    int from = BEFORE + Math.max(0, fromMinute);
    for (Recorded r : series.values()) {
      for (double[] a : writable(r, from)) {
        Arrays.fill(a, from, Math.max(from, Math.min(a.length, BEFORE + toMinute)), Double.NaN);
      }
    }
  }

  /** The model's arrays, copied first when index {@code from} was already handed out in a view. */
  private static double[][] writable(Recorded r, int from) {
    if (from < r.exposed) {
      r.s = new double[][] {r.s[0].clone(), r.s[1].clone(), r.s[2].clone()};
      r.exposed = 0;
    }
    return r.s;
  }

  public synchronized int reads() {
    return reads;
  }

  @Override
  public Map<String, List<MinuteSeries>> read(List<String> modelKeys, List<TimeRange> ranges) {
    return read(modelKeys, ranges, null);
  }

  @Override
  public synchronized Map<String, List<MinuteSeries>> read(
      List<String> modelKeys, List<TimeRange> ranges, Map<String, Set<String>> serving) {
    faults.check(AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction());
    reads++;
    // Minute m (from start) is readable once it is over: start + (m + 1) minutes <= now.
    long readable =
        BEFORE + Math.floorDiv(clock.instant().getEpochSecond() - start.getEpochSecond(), 60);
    Map<String, List<MinuteSeries>> out = new LinkedHashMap<>();
    for (String model : modelKeys) {
      Recorded rec = series.get(model);
      double[][] s = rec == null ? null : rec.s;
      List<MinuteSeries> list = new ArrayList<>(ranges.size());
      for (TimeRange r : ranges) {
        int n = r.minutes();
        // Where the range starts in the arrays; what lies outside them reads as missing.
        long first = BEFORE + Math.floorDiv(r.from().getEpochSecond() - start.getEpochSecond(), 60);
        int lo = (int) Math.min(n, Math.max(0, -first));
        int hi =
            s == null
                ? lo
                : (int) Math.max(lo, Math.min(n, Math.min(s[0].length, readable) - first));
        if (ptLagMinutes > 0 && hi > lo) {
          list.add(lagged(rec, r.from(), first, lo, hi, n, readable, serving, model));
        } else if (lo == 0 && hi == n) {
          // The usual case: the controller reads a day of it every pass.
          list.add(MinuteSeries.view(r.from(), s[0], s[1], s[2], (int) first, n));
          rec.exposed = Math.max(rec.exposed, first + n);
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

  /**
   * The range as CloudWatch shows it while the PT-ARN series lag: their share left out of the
   * minutes at or after {@code readable - ptLagMinutes}, then the minutes a series has not reported
   * made gaps by the same rule as for CloudWatch ({@link PartialMinutes}).
   *
   * @param serving per model, the PTs that serve callers now; null for the sums as they are
   */
  private MinuteSeries lagged(
      Recorded rec,
      Instant from,
      long first,
      int lo,
      int hi,
      int n,
      long readable,
      Map<String, Set<String>> serving,
      String model) {
    double[][] v = new double[3][];
    for (int k = 0; k < 3; k++) {
      v[k] = window(rec.s, k, first, lo, hi, n);
    }
    long ptReadable = readable - ptLagMinutes;
    int ptFrom = (int) Math.max(lo, Math.min(hi, ptReadable - first));
    for (int i = ptFrom; i < hi; i++) {
      v[0][i] -= rec.pt[0][(int) first + i];
      v[1][i] -= rec.pt[1][(int) first + i];
    }
    if (serving != null) {
      // Series 0 is on demand, reported to the newest readable minute; series 1 the PTs.
      int[] newest = {(int) readable - 1, (int) ptReadable - 1};
      boolean routed = !serving.getOrDefault(model, Set.of()).isEmpty();
      // A series' token counts land together here: its complete minute is its newest.
      PartialMinutes.blankUnreported(v, (int) first, newest, newest, new boolean[] {false, routed});
    }
    return new MinuteSeries(from, v[0], v[1], v[2]);
  }

  /**
   * Series {@code k} of a model over the {@code n} minutes from index {@code first}: what was
   * recorded in [lo, hi), missing around it.
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
