package io.capacityctl.history;

import io.capacityctl.traceimport.MinuteNoise;
import java.util.Arrays;

/**
 * A model's own minute noise, measured on the 1-minute part of its window, to interpolate its
 * coarser parts with instead of the Azure-measured model: CloudWatch keeps 1-minute data for 15
 * days, so a longer backtest has real minutes of the same account and model.
 *
 * <p>Measured as the coarse parts will be made: each minute against its 5-minute period's level
 * (the period CloudWatch would report, aligned as it aligns them), the factor {@code minute /
 * level} taken over every whole period (five minutes with data, level above 0). A period's own mean
 * absorbs part of its minutes' noise (for independent minutes a fifth of the variance, and it bends
 * the autocorrelations negative), so the factor's variance and lag-1 and lag-2 autocovariances are
 * solved from the within-period ones, the correlations at 3 and 4 minutes taken as the AR(2) with
 * those two lags has them (the model's own form; found by iterating). The figures are pooled over
 * the periods and stand at the mean level of those periods; {@link MinuteNoise.Model#clamped} keeps
 * them to what the model can generate.
 */
final class OwnMinuteNoise {
  /** Whole 5-minute periods needed: a day, so a daily cycle's quiet and busy hours both count. */
  static final int MIN_PERIODS = 288;

  private static final int PERIOD = 5;
  private static final long PERIOD_MILLIS = PERIOD * 60_000L;

  private OwnMinuteNoise() {}

  /** What was measured, or {@code model} null with the whole periods found when too few. */
  record Measured(MinuteNoise.Model model, int periods) {}

  /** The model's noise measured on its samples from 1-minute parts. */
  static Measured measure(Samples s) {
    double[] products = new double[3];
    long[] pairs = new long[3];
    double levelSum = 0;
    int periods = 0;
    int i = 0;
    while (i < s.size()) {
      long period = Math.floorDiv(s.millis()[i], PERIOD_MILLIS);
      int j = i;
      while (j < s.size() && Math.floorDiv(s.millis()[j], PERIOD_MILLIS) == period) {
        j++;
      }
      if (j - i == PERIOD && oneMinute(s, i, j)) {
        double level = 0;
        for (int k = i; k < j; k++) {
          level += s.tps()[k] / PERIOD;
        }
        if (level > 0) {
          for (int lag = 0; lag < 3; lag++) {
            for (int k = i; k + lag < j; k++) {
              products[lag] += (s.tps()[k] / level - 1) * (s.tps()[k + lag] / level - 1);
              pairs[lag]++;
            }
          }
          levelSum += level;
          periods++;
        }
      }
      i = j;
    }
    if (periods < MIN_PERIODS) {
      return new Measured(null, periods);
    }
    double[] observed = new double[3];
    for (int lag = 0; lag < 3; lag++) {
      observed[lag] = products[lag] / pairs[lag];
    }
    double[] gamma = autocovariances(observed);
    double level = levelSum / periods;
    if (!(gamma[0] > 0)) {
      return new Measured(MinuteNoise.Model.clamped(level, 0, 0, 0), periods);
    }
    return new Measured(
        MinuteNoise.Model.clamped(
            level, Math.sqrt(gamma[0]), gamma[1] / gamma[0], gamma[2] / gamma[0]),
        periods);
  }

  private static boolean oneMinute(Samples s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.parts().get(s.part()[k]).spacingSeconds() != 60) {
        return false;
      }
    }
    return true;
  }

  /**
   * The factor's autocovariances at lags 0-2 from the mean products of deviations from the period's
   * mean at lags 0-2, those at lags 3 and 4 following from an AR(2) with the lags found so far.
   */
  private static double[] autocovariances(double[] observed) {
    double[][] a = withinPeriod();
    double[][] square = new double[3][];
    for (int lag = 0; lag < 3; lag++) {
      square[lag] = Arrays.copyOf(a[lag], 3);
    }
    double[] gamma = solve(square, observed);
    for (int round = 0; round < 50 && gamma[0] > 0; round++) {
      MinuteNoise.Model m =
          MinuteNoise.Model.clamped(1, 1, gamma[1] / gamma[0], gamma[2] / gamma[0]);
      double r1 = m.lag1();
      double r2 = m.lag2();
      double phi1 = r1 * (1 - r2) / (1 - r1 * r1);
      double phi2 = (r2 - r1 * r1) / (1 - r1 * r1);
      double r3 = phi1 * r2 + phi2 * r1;
      double r4 = phi1 * r3 + phi2 * r2;
      double[] rest = new double[3];
      for (int lag = 0; lag < 3; lag++) {
        rest[lag] = observed[lag] - gamma[0] * (a[lag][3] * r3 + a[lag][4] * r4);
      }
      gamma = solve(square, rest);
    }
    return gamma;
  }

  /**
   * {@code a[lag][g]}: the mean product of deviations from the period's mean {@code lag} minutes
   * apart inside a period, per unit of the factor's autocovariance at lag {@code g} (0 to 4).
   */
  private static double[][] withinPeriod() {
    double[][] a = new double[3][PERIOD];
    for (int g = 0; g < PERIOD; g++) {
      double[] gamma = new double[PERIOD];
      gamma[g] = 1;
      double all = 0;
      double[] withMean = new double[PERIOD];
      for (int k = 0; k < PERIOD; k++) {
        for (int l = 0; l < PERIOD; l++) {
          withMean[k] += gamma[Math.abs(k - l)] / PERIOD;
          all += gamma[Math.abs(k - l)] / (PERIOD * PERIOD);
        }
      }
      for (int lag = 0; lag < 3; lag++) {
        double sum = 0;
        for (int k = 0; k + lag < PERIOD; k++) {
          sum += gamma[lag] - withMean[k] - withMean[k + lag] + all;
        }
        a[lag][g] = sum / (PERIOD - lag);
      }
    }
    return a;
  }

  /** {@code x} with {@code a x = b}, by Cramer's rule (3 by 3, well-conditioned). */
  private static double[] solve(double[][] a, double[] b) {
    double d = det(a);
    double[] x = new double[3];
    for (int c = 0; c < 3; c++) {
      double[][] m = new double[3][];
      for (int r = 0; r < 3; r++) {
        m[r] = a[r].clone();
        m[r][c] = b[r];
      }
      x[c] = det(m) / d;
    }
    return x;
  }

  private static double det(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
