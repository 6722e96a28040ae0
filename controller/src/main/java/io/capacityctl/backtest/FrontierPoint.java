package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.SimulationResult;

/**
 * capacityctl run at one throttle budget ({@code policy.throttleBudget}), and with a floor when one
 * was asked for: one point of the cost against throttled tokens frontier.
 *
 * @param throttleBudget the share of tokens the planner was told it may throttle (0.0001 = 0.01 %)
 * @param floor the share of each model's {@code maxUnits} held at least ({@link
 *     CapacityConfig#withFloor}); 0 for the configuration's own {@code minUnits}
 * @param configured whether this is the configuration as written (the capacityctl row's run)
 */
public record FrontierPoint(
    double throttleBudget, double floor, boolean configured, SimulationResult result) {

  /** A point of the budget axis: the configuration's own floor. */
  public FrontierPoint(double throttleBudget, boolean configured, SimulationResult result) {
    this(throttleBudget, 0, configured, result);
  }

  /** Whether this point raised the floor (and kept the configuration's budget). */
  public boolean floored() {
    return floor > 0;
  }

  /** How tables and the chart name the point: {@code 0.01 %} or {@code floor 75 %}. */
  public String label() {
    return floored() ? "floor " + Figures.share(floor) : Figures.budget(throttleBudget);
  }
}
