package io.capacityctl.testing;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Policy;
import java.time.Instant;
import java.util.List;

/**
 * A policy that plans exactly as the one it wraps and shows a watcher each plan call: what the
 * reconcile path gave the policy (the observation) and the plan it made, for tests and benchmarks
 * that record either.
 */
public final class WatchedPolicy implements Policy {
  /** Sees one plan call, after the wrapped policy planned. */
  public interface Watcher {
    void planned(Observation observation, List<CapacityOverride> overrides, Instant now, Plan plan);
  }

  private final Policy policy;
  private final Watcher watcher;

  public WatchedPolicy(Policy policy, Watcher watcher) {
    this.policy = policy;
    this.watcher = watcher;
  }

  @Override
  public Plan plan(Observation observation, List<CapacityOverride> overrides, Instant now) {
    Plan plan = policy.plan(observation, overrides, now);
    watcher.planned(observation, overrides, now, plan);
    return plan;
  }

  @Override
  public HistoryWindow historyWindow() {
    return policy.historyWindow();
  }

  @Override
  public CapacityConfig config() {
    return policy.config();
  }
}
