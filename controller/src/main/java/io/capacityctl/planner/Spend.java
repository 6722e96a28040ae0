package io.capacityctl.planner;

import io.capacityctl.config.CapacityConfig;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's hourly spend against the budget: what the {@code BudgetUsedPercent} and {@code
 * BudgetAlertLevel} metrics and the pass's budget warnings report.
 *
 * <p>Spend counts what capacityctl buys by the hour: model units times {@code unitHourlyUsd} plus
 * ECS tasks times {@code taskHourlyUsd}. On-demand tokens are excluded: their cost depends on
 * traffic, not on the plan, and the plan cannot cap it.
 *
 * @param capUsd the hourly cap in force, 0 when the config sets no budget
 */
public record Spend(double plannedHourlyUsd, double capUsd, String capName) {
  /** Alert thresholds in percent of the cap, lowest first. */
  static final int[] THRESHOLDS = {50, 75, 90, 100};

  public static Spend of(CapacityConfig config, Plan plan) {
    double usd = hourlyUsd(config, plan.models(), plan.ecs());
    double cap = config.budget().hourlyCapUsd();
    // Only warning() reads the cap's name, from 90% up: skip formatting it on every other pass.
    String name = cap > 0 && usd / cap * 100 >= 90 - 1e-9 ? config.budget().capName() : "";
    return new Spend(usd, cap, name);
  }

  /** Hourly cost of the targets in {@code models} and {@code ecs} (null: no ECS service). */
  static double hourlyUsd(
      CapacityConfig config, Map<String, ModelDecision> models, EcsDecision ecs) {
    double usd = 0;
    for (ModelDecision d : models.values()) {
      usd += d.targetUnits() * config.model(d.model()).unitHourlyUsd();
    }
    if (ecs != null && config.ecs() != null) {
      usd += ecs.targetTasks() * config.ecs().taskHourlyUsd();
    }
    return usd;
  }

  public boolean capped() {
    return capUsd > 0;
  }

  /** Planned hourly spend in percent of the cap; 0 without a cap. */
  public double usedPercent() {
    return capped() ? plannedHourlyUsd / capUsd * 100 : 0;
  }

  /** The highest threshold reached (0, 50, 75, 90 or 100). */
  public int alertLevel() {
    int level = 0;
    for (int t : THRESHOLDS) {
      // A hair of tolerance: $75.00 of $100.00 must read as 75% despite binary rounding.
      if (usedPercent() >= t - 1e-9) {
        level = t;
      }
    }
    return level;
  }

  /** A warning for the pass report at 90% and 100% of the cap, else empty. */
  public Optional<String> warning() {
    if (alertLevel() < 90) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "budget %d%%: the plan spends $%.2f/h, %.0f%% of %s%s",
            alertLevel(),
            plannedHourlyUsd,
            usedPercent(),
            capName,
            alertLevel() >= 100 ? " (scale-ups are cut; only an override buys more)" : ""));
  }
}
