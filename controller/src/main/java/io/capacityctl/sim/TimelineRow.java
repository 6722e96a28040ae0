package io.capacityctl.sim;

import java.time.Instant;

/**
 * One model's minute of a simulation, as a timeline shows it.
 *
 * @param target units the controller wants to exist after its decision at this minute
 * @param inService routed in-service units
 * @param capacity in-service PT throughput in tokens/s (on-demand headroom not included)
 */
public record TimelineRow(
    Instant t,
    String model,
    double demand,
    int target,
    int inService,
    double capacity,
    double throttled,
    int ecsDesired,
    int ecsRunning) {}
