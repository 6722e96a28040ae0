package io.capacityctl.backtest;

import io.capacityctl.config.ModelConfig;

/**
 * The cheapest per-minute unit counts for one model knowing the whole trace: the backtest's lower
 * bound. Dynamic programming over unit counts: every minute bills its units and on-demand tokens;
 * every unit added is also billed for its provisioning time before it serves; a count that would
 * throttle is not allowed unless it is already {@code maxUnits}. The first minute starts warm.
 */
public final class OracleUnits {
  private OracleUnits() {}

  /** Units to have in service at each minute. */
  public static int[] solve(ModelConfig m, double[] demand) {
    int lo = m.minUnits();
    int hi = Math.max(lo, m.maxUnits());
    int states = hi - lo + 1;
    int minutes = demand.length;
    double unitMinute = m.unitHourlyUsd() / 60;
    double addCost = unitMinute * m.provisioningMinutes();
    double[] prev = new double[states];
    double[] next = new double[states];
    int[][] from = new int[minutes][];
    for (int s = 0; s < states; s++) {
      prev[s] = minuteCost(m, demand[0], lo + s, hi, unitMinute);
    }
    for (int t = 1; t < minutes; t++) {
      int[] arg = new int[states];
      // Best predecessor at or above u (dropping units is free): a suffix minimum.
      double[] sufVal = new double[states];
      int[] sufArg = new int[states];
      sufVal[states - 1] = prev[states - 1];
      sufArg[states - 1] = states - 1;
      for (int s = states - 2; s >= 0; s--) {
        if (prev[s] <= sufVal[s + 1]) {
          sufVal[s] = prev[s];
          sufArg[s] = s;
        } else {
          sufVal[s] = sufVal[s + 1];
          sufArg[s] = sufArg[s + 1];
        }
      }
      // Best predecessor below u pays addCost per added unit: prefix minimum of prev - s*addCost.
      double preVal = Double.POSITIVE_INFINITY;
      int preArg = -1;
      for (int s = 0; s < states; s++) {
        double best = sufVal[s];
        int bestArg = sufArg[s];
        if (preArg >= 0 && preVal + s * addCost < best) {
          best = preVal + s * addCost;
          bestArg = preArg;
        }
        next[s] = best + minuteCost(m, demand[t], lo + s, hi, unitMinute);
        arg[s] = bestArg;
        double v = prev[s] - s * addCost;
        if (v < preVal) {
          preVal = v;
          preArg = s;
        }
      }
      from[t] = arg;
      double[] tmp = prev;
      prev = next;
      next = tmp;
    }
    int s = 0;
    for (int k = 1; k < states; k++) {
      if (prev[k] < prev[s]) {
        s = k;
      }
    }
    int[] path = new int[minutes];
    for (int t = minutes - 1; t >= 0; t--) {
      path[t] = lo + s;
      if (t > 0) {
        s = from[t][s];
      }
    }
    return path;
  }

  private static double minuteCost(
      ModelConfig m, double demand, int units, int max, double unitMinute) {
    double overflow = Math.max(0, demand - units * m.tokensPerSecondPerUnit());
    if (overflow > m.onDemandTps() + 1e-9 && units < max) {
      return Double.POSITIVE_INFINITY;
    }
    double onDemand = Math.min(overflow, m.onDemandTps());
    return units * unitMinute + onDemand * 60 / 1000 * m.onDemandUsdPer1kTokens();
  }
}
