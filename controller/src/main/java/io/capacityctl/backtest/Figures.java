package io.capacityctl.backtest;

import io.capacityctl.sim.SimulationResult;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the CLI, its JSON and the HTML report write a backtest's figures, so the same figure reads
 * the same everywhere (a fixed locale, so output compares across machines).
 */
public final class Figures {
  private Figures() {}

  /** Dollars with cents: {@code $14,125.34}. */
  public static String usd(double v) {
    return String.format(Locale.ROOT, "$%,.2f", v);
  }

  /** A difference in dollars with its sign: {@code -$14,125.34}, {@code +$0.00}. */
  public static String signedUsd(double v) {
    return (v < 0 ? "-" : "+") + usd(Math.abs(v));
  }

  /** A relative difference with its sign, one decimal: {@code -21.7 %}. */
  public static String signedShare(double share) {
    double pct = 100 * share;
    return String.format(Locale.ROOT, "%s%.1f %%", pct < 0 ? "-" : "+", Math.abs(pct));
  }

  /**
   * Of a throttled share within the quota, the part that fell in minutes busier than the whole week
   * before them (records: {@code SimulationResult#throttledInRecordsPercent}), to follow it after a
   * comma; nothing when none did. No window of history held such a minute, and a tighter budget
   * raises the headroom at most to the window's largest excess: where this is most of the share,
   * the frontier flattens.
   */
  public static String inRecords(double pct) {
    return pct > 0
        ? ", " + throttledPercent(pct) + " % in minutes busier than any in the week before them"
        : "";
  }

  /**
   * A throttled share in percent: four decimals, and two significant digits where four decimals
   * would print a nonzero share as 0.0000 (a budget of 0.0001 % is the difference between them).
   */
  public static String throttledPercent(double pct) {
    if (pct > 0 && pct < 0.00005) {
      return new BigDecimal(pct)
          .round(new java.math.MathContext(2))
          .stripTrailingZeros()
          .toPlainString();
    }
    return String.format(Locale.ROOT, "%.4f", pct);
  }

  /** A policy's total cost as a multiple of the oracle's, three decimals; {@code -} without one. */
  public static String vsOracle(SimulationResult r, SimulationResult oracle) {
    return oracle == null
        ? "-"
        : String.format(Locale.ROOT, "%.3f", r.totalCostUsd() / oracle.totalCostUsd());
  }

  /** A throttle budget as users write it, in percent: {@code 0.01 %}, {@code 0 %}. */
  public static String budget(double share) {
    return io.capacityctl.planner.Figures.budget(share);
  }

  /** A share in percent, as a budget is written: {@code 75 %} (a floor's share of the quota). */
  public static String share(double share) {
    return budget(share);
  }

  /** Whole tokens with thousands separators. */
  public static String tokens(double v) {
    return String.format(Locale.ROOT, "%,d", Math.round(v));
  }
}
