package io.capacityctl.planner;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a plan's scale-ups back until its hourly spend fits the budget ({@link Spend}). Pure.
 *
 * <p>The most expensive increments go first: models by descending {@code unitHourlyUsd} (ties in
 * file order), ECS tasks last — a task costs a fraction of a unit, and tasks beyond what the units
 * can serve would only throttle. A cut never goes below what exists (the budget causes no
 * scale-down) and never touches a target an operator's override sets. The cap is a ceiling on new
 * spend: it wins over a schedule, an event floor, an escalation and {@code minUnits}, which is why
 * each cut names the budget in its reason.
 */
final class BudgetCut {
  private final CapacityConfig config;
  private final double cap;

  BudgetCut(CapacityConfig config) {
    this.config = config;
    this.cap = config.budget().hourlyCapUsd();
  }

  boolean applies() {
    return cap > 0;
  }

  /**
   * The model decisions with scale-ups cut so that they plus {@code reservedUsd} (the ECS plan) fit
   * the cap; {@code bypass} holds the keys under an override.
   */
  Map<String, ModelDecision> models(
      Map<String, ModelDecision> decisions, Set<String> bypass, double reservedUsd) {
    double total = reservedUsd + Spend.hourlyUsd(config, decisions, null);
    double excess = total - cap;
    Map<String, ModelDecision> out = new LinkedHashMap<>(decisions);
    // A stable sort: equal prices keep file order.
    Comparator<ModelDecision> dearestFirst = Comparator.comparingDouble(d -> -price(d));
    for (ModelDecision d :
        decisions.values().stream()
            .filter(d -> d.up() && !bypass.contains(d.model()) && price(d) > 0)
            .sorted(dearestFirst)
            .toList()) {
      if (excess <= 1e-9) {
        break;
      }
      int cut = Math.min(d.targetUnits() - d.currentUnits(), units(excess, price(d)));
      int target = d.targetUnits() - cut;
      excess -= cut * price(d);
      out.put(
          d.model(),
          new ModelDecision(
              d.model(),
              d.currentUnits(),
              target,
              d.reason() + cutReason(total, target, "units"),
              d.held()));
    }
    return out;
  }

  /**
   * The ECS decision with its scale-up cut: first to the tasks the fitted units can serve, then to
   * what the models left of the cap; never below the tasks there are. A steady or falling ECS plan
   * is left as it is.
   */
  EcsDecision ecs(Map<String, ModelDecision> models, EcsDecision ecs, boolean bypass) {
    if (ecs == null || bypass || !ecs.up()) {
      return ecs;
    }
    int servable = UnitSizing.servableTasks(config, models);
    int target = ecs.targetTasks();
    String reason = ecs.reason();
    if (servable < target) {
      target = Math.max(ecs.currentTasks(), servable);
      reason += String.format("; budget: the units it leaves serve %d tasks", servable);
    }
    double price = config.ecs().taskHourlyUsd();
    double total =
        Spend.hourlyUsd(
            config, models, new EcsDecision(ecs.currentTasks(), target, servable, reason));
    double excess = total - cap;
    if (excess > 1e-9 && price > 0) {
      target -= Math.min(target - ecs.currentTasks(), units(excess, price));
      reason += cutReason(total, target, "tasks");
    }
    return new EcsDecision(ecs.currentTasks(), target, servable, reason);
  }

  private String cutReason(double total, int target, String what) {
    return String.format(
        "; budget: cut to %d %s, the plan would spend $%.2f/h over %s",
        target, what, total, config.budget().capName());
  }

  private double price(ModelDecision d) {
    ModelConfig m = config.model(d.model());
    return m.unitHourlyUsd();
  }

  private static int units(double excessUsd, double price) {
    return (int) Math.ceil(excessUsd / price - 1e-9);
  }
}
