package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.EcsDecision;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.UnitSizing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Builds plans for the baseline policies from a per-model unit rule and a task rule. */
final class Decisions {
  private Decisions() {}

  static Plan plan(
      CapacityConfig config,
      Observation obs,
      Instant now,
      String why,
      ToIntFunction<ModelConfig> units,
      int tasks) {
    Map<String, ModelDecision> models = new LinkedHashMap<>();
    for (String key : config.modelKeys()) {
      ModelConfig m = config.model(key);
      ModelState s = obs.models().get(key);
      int current = s == null ? 0 : s.plannedUnits();
      int target =
          UnitSizing.clamp(
              units.applyAsInt(m),
              Math.max(m.minUnits(), s == null ? 0 : s.committedUnits()),
              m.maxUnits());
      models.put(key, new ModelDecision(key, current, target, why, false));
    }
    EcsDecision ecs = null;
    EcsConfig e = config.ecs();
    if (e != null) {
      int current = obs.ecs() == null ? e.minTasks() : obs.ecs().floor();
      ecs =
          new EcsDecision(
              current, UnitSizing.clamp(tasks, e.minTasks(), e.maxTasks()), e.maxTasks(), why);
    }
    return new Plan(now, models, ecs);
  }
}
