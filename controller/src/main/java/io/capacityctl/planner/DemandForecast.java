package io.capacityctl.planner;

import java.util.Arrays;

/**
 * A short-horizon demand forecast for one model, built from what was observed: the recent level
 * shaped by the same minutes a week or a day earlier (whichever fits the recent past better), or
 * the recent level held flat when neither exists.
 *
 * <p>The level is a median over {@link #LEVEL_MINUTES} (twice that where short bursts recur, so two
 * close together do not move it either), so a burst shorter than that never moves it (the planner
 * does not chase bursts it cannot serve in time). How far demand rises above the curve — bursts and
 * noise the forecast cannot time — is kept separately as {@link #burstHeadroom()}: the largest rise
 * above a trailing fit over the burst memory, so a level that has since fallen is not mistaken for
 * a burst; and the minute-to-minute noise as {@link #noiseHeadroom()}.
 */
public final class DemandForecast {
  /** Minutes over which the level (or the ratio to a profile) is a median. */
  static final int LEVEL_MINUTES = 30;

  /** Standard deviations of minute-to-minute noise that units plus on-demand cover. */
  static final double NOISE_SIGMAS = 4.5;

  /** Minutes over which the candidate profiles are compared. */
  static final int FIT_MINUTES = 60;

  /**
   * A profile minute is read as the median of the minutes within this distance: yesterday's bursts
   * and noise (shorter than the window) are not forecast again, its ramps and releases are.
   */
  public static final int SMOOTH_MINUTES = 10;

  private final double[] forecast; // index tau-1 for tau in 1..horizon
  private final double level;
  private final double burstHeadroom;
  private final double recurringBursts;
  private final double noiseHeadroom;
  private final String basis;

  private DemandForecast(
      double[] forecast,
      double level,
      double burstHeadroom,
      double recurringBursts,
      double noiseHeadroom,
      String basis) {
    this.forecast = forecast;
    this.level = level;
    this.burstHeadroom = burstHeadroom;
    this.recurringBursts = recurringBursts;
    this.noiseHeadroom = noiseHeadroom;
    this.basis = basis;
  }

  /**
   * Builds the forecast.
   *
   * @param horizon minutes ahead to forecast
   * @param residualMinutes how far back the burst headroom looks
   * @return null when the recent past has too few datapoints to say anything
   */
  public static DemandForecast of(DemandHistory h, int horizon, int residualMinutes) {
    return of(h, horizon, residualMinutes, new BurstMemory());
  }

  /** Builds the forecast, with the short bursts measured by one model's {@code bursts}. */
  static DemandForecast of(DemandHistory h, int horizon, int residualMinutes, BurstMemory bursts) {
    double[] all = h.recent();
    // Everything but the burst memory works on the minutes the profiles align with.
    double[] recent =
        Arrays.copyOfRange(all, all.length - Math.min(h.profileMinutes(), all.length), all.length);
    int n = recent.length;
    double recurring = bursts.largest(h.lastMinute(), all);
    // Two short bursts within LEVEL_MINUTES would move its median: where they recur, the level
    // and the profiles' ratios are medians over twice the window.
    int levelMinutes = recurring > 0 ? 2 * LEVEL_MINUTES : LEVEL_MINUTES;
    double level = medianRatio(recent, null, n - levelMinutes, n);
    if (Double.isNaN(level)) {
      return null;
    }
    Candidate best = new Candidate("recent level", null, level, errorOf(recent, null, level));
    Candidate week = profiled("week-ago", recent, h.weekAgo(), horizon, levelMinutes);
    Candidate day = profiled("day-ago", recent, h.dayAgo(), horizon, levelMinutes);
    // Prefer the weekly profile on a near tie: it also knows weekly events and weekends.
    if (week != null && week.error <= best.error * 1.1) {
      best = week;
    }
    if (day != null && day.error < best.error * (best == week ? 0.9 : 1.0)) {
      best = day;
    }
    double[] f = new double[horizon];
    double[] shape = best.profile == null ? null : smoothed(best.profile, n, n - 1 + horizon);
    for (int tau = 1; tau <= horizon; tau++) {
      f[tau - 1] = shape == null ? level : best.ratio * shape[tau - 1];
      if (Double.isNaN(f[tau - 1])) {
        f[tau - 1] = tau > 1 ? f[tau - 2] : level;
      }
    }
    double headroom = burstHeadroom(recent, best.profile, residualMinutes);
    return new DemandForecast(
        f, level, headroom, recurring, NOISE_SIGMAS * noise(recent), best.describe());
  }

  /**
   * Minute-to-minute noise of {@code recent} as a standard deviation, robustly: the median absolute
   * deviation of its first differences (a level, a trend and a few bursts barely move it), over the
   * whole window so it does not flicker from pass to pass; 0 with fewer than 10 differences.
   */
  static double noise(double[] recent) {
    double[] d = new double[Math.max(0, recent.length - 1)];
    int k = 0;
    for (int i = 1; i < recent.length; i++) {
      double diff = recent[i] - recent[i - 1];
      if (!Double.isNaN(diff)) {
        d[k++] = diff;
      }
    }
    if (k < 10) {
      return 0;
    }
    double median = median(d, k);
    for (int i = 0; i < k; i++) {
      d[i] = Math.abs(d[i] - median);
    }
    // 1.4826 MAD estimates a normal sigma; a difference of two minutes has sqrt(2) of theirs.
    return 1.4826 * median(d, k) / Math.sqrt(2);
  }

  /**
   * Median of the first {@code k} values (no NaN among them), reordering them: found by selection
   * rather than a sort, as the planner takes several medians of up to three hours every pass.
   */
  static double median(double[] v, int k) {
    int mid = k / 2;
    select(v, 0, k - 1, mid);
    if (k % 2 == 1) {
      return v[mid];
    }
    double lower = v[0]; // the largest of the lower half, which selection left before mid
    for (int i = 1; i < mid; i++) {
      lower = Math.max(lower, v[i]);
    }
    return (lower + v[mid]) / 2;
  }

  /**
   * Reorders {@code v[lo..hi]} so that {@code v[k]} is the value a sort would put there, with none
   * larger before it and none smaller after (Hoare's selection, median-of-three pivots).
   */
  private static void select(double[] v, int lo, int hi, int k) {
    while (hi > lo) {
      double a = v[lo];
      double b = v[(lo + hi) >>> 1];
      double c = v[hi];
      double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] < pivot) {
          i++;
        }
        while (v[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = v[i];
          v[i++] = v[j];
          v[j--] = t;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return; // v[j+1..i-1] all equal the pivot
      }
    }
  }

  /**
   * This forecast, made from demand without events, with the calendar's events put back: each
   * minute ahead times the multiplier that will apply then ({@link EventShape}); the bursts and
   * noise it measured, in de-evented tokens/s, scale with the largest multiplier ahead.
   */
  DemandForecast withEvents(EventShape events) {
    double[] ahead = events.ahead();
    double[] f = new double[forecast.length];
    double low = Double.MAX_VALUE;
    double high = 0;
    for (int i = 0; i < f.length; i++) {
      double m = i < ahead.length ? ahead[i] : 1.0;
      f[i] = forecast[i] * m;
      low = Math.min(low, m);
      high = Math.max(high, m);
    }
    double k = events.maxAhead();
    // The reason names the event's multiplier ahead (the one farthest from 1), or that the history
    // read was de-evented when none applies ahead.
    double shown = Math.abs(Math.log(high)) >= Math.abs(Math.log(low)) ? high : low;
    String shaped =
        shown == 1.0
            ? basis + ", events divided out"
            : basis
                + ", event x"
                + Figures.fixed(shown, 2)
                + (low != high ? " for part of the horizon" : " ahead");
    return new DemandForecast(
        f, level, burstHeadroom * k, recurringBursts * k, noiseHeadroom * k, shaped);
  }

  /** Forecast demand {@code tau} minutes after the newest observed minute (1 <= tau <= horizon). */
  public double at(int tau) {
    return forecast[Math.min(Math.max(tau, 1), forecast.length) - 1];
  }

  /** Largest forecast over [fromTau, toTau]. */
  public double max(int fromTau, int toTau) {
    double m = 0;
    for (int tau = Math.max(1, fromTau); tau <= Math.min(toTau, forecast.length); tau++) {
      m = Math.max(m, forecast[tau - 1]);
    }
    return m;
  }

  /**
   * Median of the newest {@link #LEVEL_MINUTES} observed minutes, or twice as many where short
   * bursts recur.
   */
  public double level() {
    return level;
  }

  /** How far demand recently rose above the fitted curve (bursts, noise); never negative. */
  public double burstHeadroom() {
    return burstHeadroom;
  }

  /**
   * {@link #NOISE_SIGMAS} standard deviations of the minute-to-minute noise: over a month of
   * minutes noise alone reaches past the largest rise of a few hours ({@link #burstHeadroom()}: 4
   * sigma is about once in 30,000 minutes), so provisioned plus on-demand capacity covers at least
   * this.
   */
  public double noiseHeadroom() {
    return noiseHeadroom;
  }

  /**
   * The largest short burst anywhere in the recent window (a day), never negative: headroom for
   * bursts that recur at random, which model units must be held for because they cannot be bought
   * in time (see {@link #burstRise} and {@link BurstMemory}).
   */
  public double recurringBursts() {
    return recurringBursts;
  }

  /** Which profile the forecast follows, for reasons: e.g. "week-ago profile x1.12". */
  public String basis() {
    return basis;
  }

  /**
   * For each index in [from, to], the median of {@code profile} within {@link #SMOOTH_MINUTES} of
   * it (NaN when none is present). A sorted sliding window keeps it linear in the window size per
   * index instead of a sort per index: the planner asks for it every pass.
   */
  static double[] smoothed(double[] profile, int from, int to) {
    double[] out = new double[to - from + 1];
    double[] sorted = new double[2 * SMOOTH_MINUTES + 1];
    int size = 0;
    int lo = Math.max(0, from - SMOOTH_MINUTES);
    int hi = lo; // window holds the present values of profile[lo, hi)
    for (int i = from; i <= to; i++) {
      int wantLo = Math.max(0, i - SMOOTH_MINUTES);
      int wantHi = Math.min(profile.length, i + SMOOTH_MINUTES + 1);
      for (; lo < wantLo; lo++) {
        size = remove(sorted, size, profile[lo]);
      }
      for (; hi < wantHi; hi++) {
        size = insert(sorted, size, profile[hi]);
      }
      out[i - from] =
          size == 0
              ? Double.NaN
              : size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
    }
    return out;
  }

  private static int insert(double[] sorted, int size, double v) {
    if (Double.isNaN(v)) {
      return size;
    }
    int at = size;
    while (at > 0 && sorted[at - 1] > v) {
      sorted[at] = sorted[at - 1];
      at--;
    }
    sorted[at] = v;
    return size + 1;
  }

  private static int remove(double[] sorted, int size, double v) {
    if (Double.isNaN(v)) {
      return size;
    }
    for (int at = 0; at < size; at++) {
      if (sorted[at] == v) {
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        return size - 1;
      }
    }
    return size;
  }

  private static Candidate profiled(
      String name, double[] recent, double[] profile, int horizon, int levelMinutes) {
    int n = recent.length;
    if (profile == null || profile.length < n + horizon) {
      return null;
    }
    int missingAhead = 0;
    for (int tau = 1; tau <= horizon; tau++) {
      if (Double.isNaN(profile[n - 1 + tau])) {
        missingAhead++;
      }
    }
    double ratio = medianRatio(recent, profile, n - levelMinutes, n);
    // A profile with a near-zero or gappy past, or a gappy future, says nothing reliable.
    if (Double.isNaN(ratio) || missingAhead > horizon / 4) {
      return null;
    }
    return new Candidate(name, profile, ratio, errorOf(recent, profile, ratio));
  }

  /**
   * Median over [from, to) of recent / profile (or of recent alone when profile is null), skipping
   * missing minutes and profile minutes below 1 token/s; NaN when fewer than half are usable.
   */
  static double medianRatio(double[] recent, double[] profile, int from, int to) {
    from = Math.max(0, from);
    double[] v = new double[to - from];
    int k = 0;
    for (int i = from; i < to; i++) {
      double r = recent[i];
      double p = profile == null ? 1 : profile[i];
      if (!Double.isNaN(r) && !Double.isNaN(p) && p >= 1) {
        v[k++] = r / p;
      }
    }
    if (k == 0 || k < (to - from) / 2) {
      return Double.NaN;
    }
    return median(v, k);
  }

  /**
   * The largest rise of a minute above a fit made from the {@link #LEVEL_MINUTES} before it (the
   * profile scaled by their mean ratio, or their mean): what a burst or noise added on top of where
   * demand was. Prefix sums keep it linear in the window.
   */
  static double burstHeadroom(double[] recent, double[] profile, int memory) {
    int n = recent.length;
    double[] sr = new double[n + 1];
    double[] sp = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double r = recent[i];
      double p = profile == null ? 1 : profile[i];
      boolean ok = !Double.isNaN(r) && !Double.isNaN(p);
      sr[i + 1] = sr[i] + (ok ? r : 0);
      sp[i + 1] = sp[i] + (ok ? p : 0);
    }
    double headroom = 0;
    for (int i = Math.max(LEVEL_MINUTES, n - memory); i < n; i++) {
      double r = recent[i];
      double p = profile == null ? 1 : profile[i];
      double past = sp[i] - sp[i - LEVEL_MINUTES];
      // Demand is never negative, so neither is the fit: a minute no higher than the headroom so
      // far cannot raise it, and is passed over before the division.
      if (!(r > headroom) || Double.isNaN(p) || past <= 0) {
        continue;
      }
      double fitted = p * (sr[i] - sr[i - LEVEL_MINUTES]) / past;
      headroom = Math.max(headroom, r - fitted);
    }
    return headroom;
  }

  /** Half-width of the centre a short burst is measured over, so one noisy minute is no burst. */
  static final int SPIKE_HALF_MINUTES = 2;

  /** Minutes between a burst's centre and the demand it is compared with on either side. */
  static final int SPIKE_GAP_MINUTES = 10;

  /** The longest a short burst lasts: what rose and fell back within this is one. */
  public static final int SHORT_BURST_MINUTES = 2 * SPIKE_GAP_MINUTES;

  /** Minutes averaged on either side of a burst for the demand before and after it. */
  static final int SPIKE_SIDE_MINUTES = 20;

  /**
   * A burst must lift the mean of its few central minutes this far above the demand around it (as a
   * fraction of that demand): far beyond minute-level noise, whose mean over five minutes moves a
   * few percent.
   */
  static final double SPIKE_MIN_RISE = 0.25;

  /** Minutes on either side of a burst's centre that {@link #burstRise} reads. */
  static final int BURST_REACH = SPIKE_GAP_MINUTES + SPIKE_SIDE_MINUTES;

  /**
   * How far the mean of the few minutes centred on {@code i} rose above the demand both before and
   * after them, or 0 when that is no short burst. Only what rose well above its surroundings
   * ({@link #SPIKE_MIN_RISE}) and came back down to where it started within about {@link
   * #SHORT_BURST_MINUTES} counts: a release ramp or a business morning has demand after it far from
   * where it was before, the curve's own bends change the level on one side. It reads only the
   * {@link #BURST_REACH} minutes on either side of {@code i} (each mean summed from its own
   * minutes), so a minute's rise is the same in every window that holds them.
   */
  static double burstRise(double[] recent, int i) {
    double before = mean(recent, i - BURST_REACH, SPIKE_SIDE_MINUTES);
    double centre = mean(recent, i - SPIKE_HALF_MINUTES, 2 * SPIKE_HALF_MINUTES + 1);
    // Almost no minute is a burst: demand is never negative, so one whose centre is not even above
    // the demand before it is none, whatever comes after (a burst's is 1 + SPIKE_MIN_RISE times).
    if (!(centre > before)) {
      return 0;
    }
    double after = mean(recent, i + SPIKE_GAP_MINUTES + 1, SPIKE_SIDE_MINUTES);
    double around = Math.max(before, after);
    double rise = centre - around;
    // Comparisons are false for NaN: a gap in the data is no burst.
    return rise > SPIKE_MIN_RISE * around && Math.abs(after - before) <= rise / 2 ? rise : 0;
  }

  /**
   * Mean of the present values of {@code width} minutes from {@code from}, NaN when fewer than half
   * are present.
   */
  private static double mean(double[] v, int from, int width) {
    double sum = 0;
    int k = 0;
    for (int i = from; i < from + width; i++) {
      if (!Double.isNaN(v[i])) {
        sum += v[i];
        k++;
      }
    }
    return k * 2 < width ? Double.NaN : sum / k;
  }

  private static double errorOf(double[] recent, double[] profile, double ratio) {
    int n = recent.length;
    double err = 0;
    double sum = 0;
    for (int i = n - Math.min(FIT_MINUTES, n); i < n; i++) {
      double fitted = profile == null ? ratio : ratio * profile[i];
      if (!Double.isNaN(recent[i]) && !Double.isNaN(fitted)) {
        err += Math.abs(recent[i] - fitted);
        sum += recent[i];
      }
    }
    return sum <= 0 ? (err <= 0 ? 0 : Double.POSITIVE_INFINITY) : err / sum;
  }

  private record Candidate(String name, double[] profile, double ratio, double error) {
    String describe() {
      return profile == null ? name : name + " profile x" + Figures.fixed(ratio, 2);
    }
  }
}
