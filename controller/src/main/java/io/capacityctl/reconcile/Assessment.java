package io.capacityctl.reconcile;

import io.capacityctl.planner.Plan;
import java.time.Instant;

/**
 * What the controller sees and wants at one instant, without acting: the pass's observation and the
 * plan made from it. {@code plan}, {@code status} and the health check read this.
 */
public record Assessment(Instant at, Snapshot snapshot, Plan plan) {}
