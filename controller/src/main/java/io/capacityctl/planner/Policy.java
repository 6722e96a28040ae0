package io.capacityctl.planner;

import io.capacityctl.config.CapacityConfig;
import java.time.Instant;
import java.util.List;

/**
 * A capacity policy: turns what is observed into a {@link Plan}. capacityctl's own is {@link
 * Planner}; the backtest runs simpler baselines through the same reconcile path to compare.
 */
public interface Policy {

  Plan plan(Observation observation, List<CapacityOverride> overrides, Instant now);

  /** The observed history {@link #plan} wants read. */
  HistoryWindow historyWindow();

  CapacityConfig config();
}
