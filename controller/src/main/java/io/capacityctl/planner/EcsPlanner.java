package io.capacityctl.planner;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * The ECS half of a plan: tasks for the demand the models' forecasts expect, with hysteresis, never
 * more than the Bedrock targets plus on-demand headroom can serve (MangaAssist incident 4: 35 tasks
 * against 8 units). Pure, like {@link Planner}, which decides the models first and hands them over.
 */
final class EcsPlanner {
  private final CapacityConfig config;
  private final ToDoubleBiFunction<ModelConfig, Instant> calendarTps;
  private final int stabilization;

  /**
   * @param calendarTps what the schedule and calendar expect of a model at an instant, for a model
   *     with no forecast
   */
  EcsPlanner(CapacityConfig config, ToDoubleBiFunction<ModelConfig, Instant> calendarTps) {
    this.config = config;
    this.calendarTps = calendarTps;
    this.stabilization = Planner.minutes(config.policy().scaleDownStabilization());
  }

  EcsDecision decide(
      Observation obs,
      Map<String, ModelDecision> models,
      Map<String, DemandForecast> forecasts,
      CapacityOverride ov,
      Instant now) {
    EcsConfig ecs = config.ecs();
    EcsObservation seen = obs.ecs();
    int current = seen == null ? ecs.minTasks() : seen.floor();
    int maxServable = UnitSizing.servableTasks(config, models);
    if (ov != null) {
      int target =
          ov.pause() ? current : UnitSizing.clamp(ov.amount(), ecs.minTasks(), ecs.maxTasks());
      return new EcsDecision(
          current,
          target,
          maxServable,
          (ov.pause() ? "paused" : "override") + ": " + Planner.describe(ov));
    }
    if (seen != null && seen.problem() != null) {
      // The real task count is unknown: any count set now could scale the service down.
      return new EcsDecision(
          current, current, maxServable, seen.problem() + ": no action on a partial view");
    }
    int startup = (int) ecs.startupMinutes();
    double ahead = 0;
    double soon = 0;
    boolean partial = seen == null;
    boolean unitsUnknown = false;
    for (String key : config.modelKeys()) {
      DemandForecast f = forecasts.get(key);
      ModelState s = obs.models().get(key);
      if (s == null || s.problem() != null) {
        partial = true;
        unitsUnknown = true; // so what Bedrock can serve is unknown too
      }
      if (f == null) {
        partial = true;
        ahead += calendarTps.applyAsDouble(config.model(key), now);
        continue;
      }
      // Tasks are cheap next to model units: size them for the whole stabilisation window ahead,
      // so rising demand moves them in a few larger steps rather than one task a minute, with the
      // same headroom as the units (so tasks are never what throttles the tokens units were
      // bought for).
      ahead += f.max(1, startup + stabilization) + f.headroom();
      // Keep what the last stabilisation window needed, so a minute's noise never takes a task
      // away that the next minute adds back.
      soon +=
          Math.max(Planner.maxRecent(s.demand(), stabilization), f.max(1, startup) + f.headroom());
    }
    double util = config.policy().ecsTargetUtilization();
    // Hysteresis: step up when demand nears the tasks there are, to 10% spare; step down only
    // when even that spare leaves 15% idle. Tasks cost little next to model units, and a rising
    // curve then moves them a few times an hour instead of every minute.
    int need = UnitSizing.tasksFor(ecs, ahead, util);
    int keep = UnitSizing.tasksFor(ecs, soon, util);
    int target;
    String reason;
    if (need * 1.05 > current) {
      target = Math.max(current, (int) Math.ceil(need * 1.1));
      reason =
          "expected "
              + Figures.grouped(ahead)
              + " tps within "
              + Figures.integer(startup + stabilization)
              + "m at "
              + Figures.fixed(util * 100, 0)
              + "% per task, +10% spare";
    } else if (partial) {
      target = current;
      reason = "partial view: holding tasks (no scale-down)";
    } else if (Math.max(need, keep) * 1.1 < current * 0.85) {
      target = (int) Math.ceil(Math.max(need, keep) * 1.1);
      reason =
          "trim: highest recent and expected demand "
              + Figures.grouped(Math.max(ahead, soon))
              + " tps";
    } else {
      target = current;
      reason = "steady";
    }
    if (target > maxServable) {
      // When a model's units could not be read the cap rests on unknown units: it may stop a
      // rise, never take running tasks away (a fault never scales down).
      int capped = unitsUnknown ? Math.max(Math.min(current, target), maxServable) : maxServable;
      if (capped < target) {
        target = capped;
        reason +=
            "; capped at "
                + Figures.integer(maxServable)
                + " tasks that Bedrock plus on-demand can serve"
                + (capped > maxServable ? " (held: units unknown)" : "");
      }
    }
    int clamped = UnitSizing.clamp(target, ecs.minTasks(), ecs.maxTasks());
    if (clamped < target) {
      reason += "; capped at maxTasks " + Figures.integer(ecs.maxTasks());
    } else if (clamped > target) {
      reason += "; raised to minTasks " + Figures.integer(ecs.minTasks());
    }
    return new EcsDecision(current, clamped, maxServable, Planner.arrow(reason, current, clamped));
  }
}
