package io.capacityctl.config;

/** Spend guardrail: the planner never plans above these without an override. Zero means unset. */
public record BudgetConfig(double maxHourlyUsd, double maxDailyUsd) {
  public static final BudgetConfig NONE = new BudgetConfig(0, 0);

  public boolean hasHourlyCap() {
    return maxHourlyUsd > 0;
  }

  /**
   * The hourly spend a plan may not exceed: {@code maxHourlyUsd} and {@code maxDailyUsd / 24},
   * whichever is lower; 0 when neither is set. A plan is a rate held until the next pass, so the
   * daily cap is honoured by never planning above its hourly share.
   */
  public double hourlyCapUsd() {
    double daily = maxDailyUsd > 0 ? maxDailyUsd / 24 : Double.POSITIVE_INFINITY;
    double hourly = maxHourlyUsd > 0 ? maxHourlyUsd : Double.POSITIVE_INFINITY;
    double cap = Math.min(daily, hourly);
    return Double.isInfinite(cap) ? 0 : cap;
  }

  /** Names the setting behind {@link #hourlyCapUsd}, for reasons and warnings. */
  public String capName() {
    boolean daily = maxDailyUsd > 0 && (maxHourlyUsd <= 0 || maxDailyUsd / 24 < maxHourlyUsd);
    return daily
        ? String.format("budget.maxDailyUsd $%.2f / 24 = $%.2f/h", maxDailyUsd, maxDailyUsd / 24)
        : String.format("budget.maxHourlyUsd $%.2f/h", maxHourlyUsd);
  }
}
