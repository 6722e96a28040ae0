package io.capacityctl.planner;

import java.time.Instant;

/**
 * An operator's manual override, honoured by every mode until it expires.
 *
 * @param target a model key, or {@link #ECS} for the ECS service
 * @param amount units (model) or tasks (ECS); ignored when {@code pause}
 * @param pause true to freeze the target at its current capacity (no action at all)
 * @param who the caller identity (STS) that set it
 */
public record CapacityOverride(
    String target,
    int amount,
    boolean pause,
    Instant createdAt,
    Instant expiresAt,
    String reason,
    String who) {

  public static final String ECS = "ecs";

  public boolean activeAt(Instant now) {
    return !now.isBefore(createdAt) && now.isBefore(expiresAt);
  }
}
