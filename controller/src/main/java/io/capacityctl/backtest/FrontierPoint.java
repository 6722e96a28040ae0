package io.capacityctl.backtest;

import io.capacityctl.sim.SimulationResult;

/**
 * capacityctl run at one throttle budget ({@code policy.throttleBudget}): one point of the cost
 * against throttled tokens frontier.
 *
 * @param throttleBudget the share of tokens the planner was told it may throttle (0.0001 = 0.01 %)
 * @param configured whether this is the configuration's own budget (the capacityctl row's run)
 */
public record FrontierPoint(double throttleBudget, boolean configured, SimulationResult result) {}
