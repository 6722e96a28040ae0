package io.capacityctl.ports;

/**
 * The ECS service's capacity as read from ECS and Application Auto Scaling.
 *
 * @param floor the scalable target's MinCapacity when one exists, else the desired count
 * @param scalableTarget true when Application Auto Scaling manages the service (min-capacity mode)
 */
public record EcsState(int desired, int running, int floor, boolean scalableTarget) {}
