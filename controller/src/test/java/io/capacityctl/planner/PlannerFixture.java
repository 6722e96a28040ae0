package io.capacityctl.planner;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans with hand-built observations at fixed instants: the planner tests' one entry point. */
final class PlannerFixture {
  private PlannerFixture() {}

  static Plan plan(
      CapacityConfig config,
      Instant now,
      EcsObservation ecs,
      List<CapacityOverride> overrides,
      ModelState... states) {
    Map<String, ModelState> byModel = new LinkedHashMap<>();
    for (ModelState s : states) {
      byModel.put(s.model(), s);
    }
    return new Planner(config, CapacityCalendar.of(config))
        .plan(new Observation(now, byModel, ecs), overrides, now);
  }

  /** The decision for a single-model config without ECS or overrides. */
  static ModelDecision decide(CapacityConfig config, Instant now, ModelState state) {
    return plan(config, now, null, List.of(), state).models().get(state.model());
  }

  /** {@code units} of ours in service, none creating, none committed. */
  static ModelState serving(String model, int units, History demand) {
    return new ModelState(model, units, 0, 0, 0, demand.build(), null);
  }

  /** An ECS service steady at {@code tasks}. */
  static EcsObservation ecsAt(int tasks) {
    return new EcsObservation(tasks, tasks, tasks, null);
  }
}
