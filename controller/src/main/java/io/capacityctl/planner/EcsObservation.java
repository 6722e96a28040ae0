package io.capacityctl.planner;

/**
 * The ECS service as read at the start of a pass.
 *
 * @param floor the capacity capacityctl controls: MinCapacity or desired count
 * @param problem why the view is missing, or null
 */
public record EcsObservation(int desired, int running, int floor, String problem) {}
