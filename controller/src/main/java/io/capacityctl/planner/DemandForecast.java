package io.capacityctl.planner;

import java.util.Arrays;

/**
 * A short-horizon demand forecast for one model, built from what was observed: the recent level
 * shaped by the same minutes a week or a day earlier (whichever fits the recent past better), or
 * the recent level held flat when neither exists; and how far demand outran such a forecast's
 * level, as the {@link #headroom()} a throttle budget asks for on top of it ({@link Deviations}).
 *
 * <p>The level is a median over {@link #LEVEL_MINUTES}, so a burst shorter than that never moves it
 * (the planner does not chase bursts it cannot serve in time): bursts are in the headroom, in
 * proportion to the tokens they carried over the recent window.
 */
public final class DemandForecast {
  /** Minutes over which the level (or the ratio to a profile) is a median. */
  static final int LEVEL_MINUTES = 30;

  /** Minutes over which the candidate profiles are compared. */
  static final int FIT_MINUTES = 60;

  /**
   * A profile minute is read as the median of the minutes within this distance: yesterday's bursts
   * and noise (shorter than the window) are not forecast again, its ramps and releases are.
   */
  public static final int SMOOTH_MINUTES = 10;

  private final double[] forecast; // index tau-1 for tau in 1..horizon
  private final double level;
  private final double headroom;
  private final boolean readsTail;
  private final boolean borrowed;
  private final String basis;
  private final Recent recent;

  /**
   * What {@link #recentNeed} reads: the history, the deviations that read the headroom, the budget,
   * the level the headroom was read at, the events' multiplier ahead (1 without), and the curve's
   * recent minutes with the profile it followed (null: the recent level held flat) and its ratio to
   * them.
   */
  private record Recent(
      DemandHistory h,
      Deviations deviations,
      double budget,
      double high,
      double scale,
      double[] minutes,
      double[] profile,
      double ratio) {
    Recent scaled(double by) {
      return new Recent(h, deviations, budget, high, by, minutes, profile, ratio);
    }
  }

  private DemandForecast(
      double[] forecast,
      double level,
      double headroom,
      boolean readsTail,
      boolean borrowed,
      String basis,
      Recent recent) {
    this.recent = recent;
    this.forecast = forecast;
    this.level = level;
    this.headroom = headroom;
    this.readsTail = readsTail;
    this.borrowed = borrowed;
    this.basis = basis;
  }

  /**
   * Builds the forecast with the headroom for {@code budget} measured afresh (no memo kept).
   *
   * @param horizon minutes ahead to forecast
   * @param budget the share of tokens that may be throttled ({@code policy.throttleBudget})
   * @return null when the recent past has too few datapoints to say anything
   */
  static DemandForecast of(DemandHistory h, int horizon, double budget) {
    return of(h, horizon, budget, new Deviations(horizon));
  }

  /** Builds the forecast, with the deviations measured by one model's {@code deviations}. */
  static DemandForecast of(DemandHistory h, int horizon, double budget, Deviations deviations) {
    // The curve works on the minutes the profiles align with; the headroom on the whole window.
    int end = h.from() + h.length();
    double[] recent =
        Arrays.copyOfRange(h.buffer(), end - Math.min(h.profileMinutes(), h.length()), end);
    int n = recent.length;
    double level = medianRatio(recent, null, n - LEVEL_MINUTES, n);
    if (Double.isNaN(level)) {
      return null;
    }
    Candidate best = new Candidate("recent level", null, level, errorOf(recent, null, level));
    Candidate week = profiled("week-ago", recent, h.weekAgo(), horizon);
    Candidate day = profiled("day-ago", recent, h.dayAgo(), horizon);
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
    // The headroom is read at the highest level the curve reaches ahead.
    double high = 0;
    for (double v : f) {
      high = Math.max(high, v);
    }
    double headroom =
        deviations.headroom(h.lastMinute(), h.buffer(), h.from(), h.length(), high, budget);
    return new DemandForecast(
        f,
        level,
        headroom,
        deviations.readsTail(),
        deviations.borrowed(),
        best.describe(),
        new Recent(h, deviations, budget, high, 1, recent, best.profile, best.ratio));
  }

  /**
   * The curve's high as the highest level of the last {@code minutes} minutes would have set it
   * (each minute's own median of the {@link #LEVEL_MINUTES} before it, as a ratio to the profile
   * the curve follows, or alone when it follows none) plus the headroom read there, when that is
   * above the high the headroom was read at; else 0. A fall the profile foresaw (an evening) holds
   * nothing; one it did not may turn. On spiky traffic the level's median falls in minutes after a
   * burst and rises again with the next, and the headroom with it: a unit trimmed on the fall
   * serves again no sooner than the level has noticed the return and a provisioning time has
   * passed, so the planner keeps what the levels of that span asked for (on tweet volumes, capacity
   * was trimmed from 79 units to 48 in the five quiet minutes between two bursts and ordered again
   * as the second came, too late for it).
   */
  double recentNeed(int minutes) {
    DemandHistory h = recent.h();
    double most = highestRecentRatio(recent.minutes(), recent.profile(), minutes);
    if (!(most > recent.ratio())) {
      return 0;
    }
    // A ratio of 0 now (nothing in the last level window): the flat curve's high is the level then;
    // a profile's is unknown, and nothing is held.
    double top =
        recent.ratio() > 0
            ? recent.high() * most / recent.ratio()
            : recent.profile() == null ? most : 0;
    if (top <= recent.high()) {
      return 0;
    }
    double headroom =
        recent
            .deviations()
            .headroom(h.lastMinute(), h.buffer(), h.from(), h.length(), top, recent.budget());
    return (top + headroom) * recent.scale();
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
   * minute ahead times the multiplier that will apply then ({@link EventShape}); the headroom it
   * measured, in de-evented tokens/s, scales with the largest multiplier ahead.
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
        f, level, headroom * events.maxAhead(), readsTail, borrowed, shaped, recent.scaled(high));
  }

  /**
   * The highest {@link #medianRatio} of the {@link #LEVEL_MINUTES} windows ending 1 to {@code
   * minutes} minutes before the end of {@code m} (0 when none has enough datapoints): one sorted
   * window slid along, not a selection per window, as a trim asks for it every pass of a fall.
   */
  static double highestRecentRatio(double[] m, double[] profile, int minutes) {
    int n = m.length;
    int span = Math.min(minutes, n - LEVEL_MINUTES);
    if (span < 1) {
      return 0;
    }
    double[] w = new double[LEVEL_MINUTES];
    int size = 0;
    for (int i = n - span - LEVEL_MINUTES; i < n - span; i++) {
      size = insert(w, size, ratioAt(m, profile, i));
    }
    double most = 0;
    for (int end = n - span; end < n; end++) {
      // The window [end - LEVEL_MINUTES, end): a median where half its minutes have datapoints.
      if (size > 0 && size >= LEVEL_MINUTES / 2) {
        double median = size % 2 == 1 ? w[size / 2] : (w[size / 2 - 1] + w[size / 2]) / 2;
        most = Math.max(most, median);
      }
      size = remove(w, size, ratioAt(m, profile, end - LEVEL_MINUTES));
      size = insert(w, size, ratioAt(m, profile, end));
    }
    return most;
  }

  /**
   * Minute {@code i} of {@code m} over its profile, as {@link #medianRatio} reads it; NaN: none.
   */
  private static double ratioAt(double[] m, double[] profile, int i) {
    double r = m[i];
    double p = profile == null ? 1 : profile[i];
    return !Double.isNaN(r) && !Double.isNaN(p) && p >= 1 ? r / p : Double.NaN;
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

  /** Median of the newest {@link #LEVEL_MINUTES} observed minutes. */
  public double level() {
    return level;
  }

  /**
   * Tokens/s that capacity (units plus on-demand headroom) must reach above the forecast for the
   * throttled share to stay within the budget, had the recent window's excesses over the level,
   * read at this level, come on top of it ({@link Deviations}); never negative.
   */
  public double headroom() {
    return headroom;
  }

  /**
   * Whether enough minutes were measured to read the headroom from them (if not, it is 0 for want
   * of evidence, not because demand is calm).
   */
  public boolean readsTail() {
    return readsTail;
  }

  /**
   * Whether the headroom was read with the neighbouring levels' excesses because the window holds
   * less than a day of minutes near the level it came from ({@link Deviations#borrowed}).
   */
  public boolean borrowed() {
    return borrowed;
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

  private static Candidate profiled(String name, double[] recent, double[] profile, int horizon) {
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
    double ratio = medianRatio(recent, profile, n - LEVEL_MINUTES, n);
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
      double r = ratioAt(recent, profile, i);
      if (!Double.isNaN(r)) {
        v[k++] = r;
      }
    }
    if (k == 0 || k < (to - from) / 2) {
      return Double.NaN;
    }
    return median(v, k);
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
