package io.capacityctl.planner;

/**
 * A short-horizon demand forecast for one model, built from what was observed: the recent level
 * shaped by the same minutes a week or a day earlier (whichever fits the recent past better), or
 * the recent level held flat when neither exists. It also keeps how far demand recently rose above
 * the fitted curve, so bursts and noise the forecast cannot time are covered by headroom.
 */
public final class DemandForecast {
  /** Minutes over which the level ratio to the profile is measured: short, to follow shifts. */
  static final int LEVEL_MINUTES = 20;

  /** Minutes over which the candidate profiles are compared. */
  static final int FIT_MINUTES = 60;

  private final double[] forecast; // index tau-1 for tau in 1..horizon
  private final double level;
  private final double burstHeadroom;
  private final String basis;

  private DemandForecast(double[] forecast, double level, double burstHeadroom, String basis) {
    this.forecast = forecast;
    this.level = level;
    this.burstHeadroom = burstHeadroom;
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
    double[] recent = h.recent();
    int n = recent.length;
    double level = meanOfNewest(recent, 5);
    if (Double.isNaN(level)) {
      return null;
    }
    Candidate best = flat(recent, level);
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
    for (int tau = 1; tau <= horizon; tau++) {
      f[tau - 1] = best.profile == null ? level : best.ratio * best.profile[n - 1 + tau];
      if (Double.isNaN(f[tau - 1])) {
        f[tau - 1] = tau > 1 ? f[tau - 2] : level;
      }
    }
    double headroom = 0;
    for (int i = Math.max(0, n - residualMinutes); i < n; i++) {
      double fitted = best.fitted(i, level);
      if (!Double.isNaN(recent[i]) && !Double.isNaN(fitted)) {
        headroom = Math.max(headroom, recent[i] - fitted);
      }
    }
    return new DemandForecast(f, level, headroom, best.describe());
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

  /** Mean of the newest few observed minutes. */
  public double level() {
    return level;
  }

  /** How far demand recently rose above the fitted curve (bursts, noise); never negative. */
  public double burstHeadroom() {
    return burstHeadroom;
  }

  /** Which profile the forecast follows, for reasons: e.g. "week-ago profile x1.12". */
  public String basis() {
    return basis;
  }

  public int horizon() {
    return forecast.length;
  }

  private static Candidate flat(double[] recent, double level) {
    return new Candidate("recent level", null, 1, errorOf(recent, null, 1, level));
  }

  private static Candidate profiled(String name, double[] recent, double[] profile, int horizon) {
    int n = recent.length;
    if (profile == null || profile.length < n + horizon) {
      return null;
    }
    double sr = 0;
    double sp = 0;
    int used = 0;
    for (int i = n - Math.min(LEVEL_MINUTES, n); i < n; i++) {
      if (!Double.isNaN(recent[i]) && !Double.isNaN(profile[i])) {
        sr += recent[i];
        sp += profile[i];
        used++;
      }
    }
    int missingAhead = 0;
    for (int tau = 1; tau <= horizon; tau++) {
      if (Double.isNaN(profile[n - 1 + tau])) {
        missingAhead++;
      }
    }
    // A profile with little overlap, a near-zero past, or a gappy future says nothing reliable.
    if (used < Math.min(LEVEL_MINUTES, n) / 2 || sp <= used || missingAhead > horizon / 4) {
      return null;
    }
    double ratio = sr / sp;
    return new Candidate(name, profile, ratio, errorOf(recent, profile, ratio, Double.NaN));
  }

  private static double errorOf(double[] recent, double[] profile, double ratio, double level) {
    int n = recent.length;
    double err = 0;
    double sum = 0;
    for (int i = n - Math.min(FIT_MINUTES, n); i < n; i++) {
      double fitted = profile == null ? level : ratio * profile[i];
      if (!Double.isNaN(recent[i]) && !Double.isNaN(fitted)) {
        err += Math.abs(recent[i] - fitted);
        sum += recent[i];
      }
    }
    return sum <= 0 ? (err <= 0 ? 0 : Double.POSITIVE_INFINITY) : err / sum;
  }

  private static double meanOfNewest(double[] values, int count) {
    double sum = 0;
    int used = 0;
    for (int i = values.length - 1; i >= 0 && used < count; i--) {
      if (!Double.isNaN(values[i])) {
        sum += values[i];
        used++;
      }
      if (values.length - i >= count * 2 && used == 0) {
        break;
      }
    }
    return used == 0 ? Double.NaN : sum / used;
  }

  private record Candidate(String name, double[] profile, double ratio, double error) {
    double fitted(int i, double level) {
      return profile == null ? level : ratio * profile[i];
    }

    String describe() {
      return profile == null ? name : String.format("%s profile x%.2f", name, ratio);
    }
  }
}
