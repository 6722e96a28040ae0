package io.capacityctl.planner;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the planner sees at one instant: per model the capacity that exists and the demand
 * observed, and the ECS service. Built by the reconcile path from the ports; the planner never
 * reads the cloud itself.
 *
 * @param ecs null when the config has no ECS section
 */
public record Observation(Instant at, Map<String, ModelState> models, EcsObservation ecs) {
  public Observation {
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models)); // configuration order
  }
}
