package io.capacityctl.planner;

/**
 * The planner's decision for the ECS service.
 *
 * @param maxServableTasks the most tasks Bedrock capacity plus on-demand headroom can keep busy;
 *     the executor re-applies this cap when a Bedrock step fails
 */
public record EcsDecision(int currentTasks, int targetTasks, int maxServableTasks, String reason) {
  public boolean up() {
    return targetTasks > currentTasks;
  }

  public boolean down() {
    return targetTasks < currentTasks;
  }
}
