package io.capacityctl.reconcile;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Observation;
import java.time.Instant;

/**
 * How much of its normal behaviour a pass kept: the degradation ladder, published each pass as the
 * {@code DegradationLevel} metric (the ordinal order is the metric's value, worst last).
 */
public enum DegradationLevel {
  /** Observed, planned and acted normally. */
  FULL,
  /** Metrics missing or stale for a model: it followed the schedule upwards, never down. */
  SCHEDULE_ONLY,
  /** The control-plane circuit is open: capacity held, no Bedrock or ECS call made. */
  HOLD,
  /** A terminal error (AccessDenied, Validation): what would fail was not retried in the pass. */
  ALARM;

  /** The value of the {@code DegradationLevel} metric: 0 full, 1 schedule-only, 2 hold, 3 alarm. */
  public int metric() {
    return ordinal();
  }

  /** How the report names it, e.g. {@code schedule-only}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The level of a pass that acted: alarm on a terminal error, schedule-only without metrics. */
  static DegradationLevel ofPass(
      boolean terminalError, Observation observation, CapacityConfig config, Instant now) {
    if (terminalError) {
      return ALARM;
    }
    for (ModelState s : observation.models().values()) {
      if (s.demand() == null || s.demand().staleAt(now, config.policy().metricsMaxAge())) {
        return SCHEDULE_ONLY;
      }
    }
    return FULL;
  }
}
