package io.capacityctl.config;

/** Spend guardrail: the planner never plans above these without an override. Zero means unset. */
public record BudgetConfig(double maxHourlyUsd, double maxDailyUsd) {
  public static final BudgetConfig NONE = new BudgetConfig(0, 0);

  public boolean hasHourlyCap() {
    return maxHourlyUsd > 0;
  }
}
