package io.capacityctl.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one planning pass: a decision per model and for ECS. Applying it is the reconcile
 * path's job; {@link #steps()} gives the order that never leaves ECS ahead of Bedrock.
 *
 * @param ecs null when the config has no ECS section
 */
public record Plan(Instant at, Map<String, ModelDecision> models, EcsDecision ecs) {

  public Plan {
    // Insertion (configuration) order: every output lists models as the file does, on every run.
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
  }

  /** One change to make. */
  public sealed interface Step permits ModelStep, EcsStep {}

  /** Change one model's units. */
  public record ModelStep(ModelDecision decision) implements Step {}

  /** Change the ECS service's tasks. */
  public record EcsStep(EcsDecision decision) implements Step {}

  /**
   * Changes in execution order: Bedrock up before ECS up (tasks never outrun the model capacity
   * they call), ECS down before Bedrock down (capacity never leaves under running tasks). Unchanged
   * targets are explicit no-ops and produce no step.
   */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    models.values().stream()
        .filter(ModelDecision::up)
        .sorted(byModel())
        .map(ModelStep::new)
        .forEach(steps::add);
    if (ecs != null && ecs.targetTasks() != ecs.currentTasks()) {
      steps.add(new EcsStep(ecs));
    }
    models.values().stream()
        .filter(ModelDecision::down)
        .sorted(byModel())
        .map(ModelStep::new)
        .forEach(steps::add);
    return steps;
  }

  private static java.util.Comparator<ModelDecision> byModel() {
    return java.util.Comparator.comparing(ModelDecision::model);
  }

  public boolean changesNothing() {
    return steps().isEmpty();
  }
}
