package io.capacityctl.backtest;

import io.capacityctl.sim.SimulationResult;

/**
 * What capacityctl costs and throttles against one other policy over the same trace: a line of the
 * headline, such as "-$14,125.34 (-21.7 %) against schedule-only at 0 % vs 0.1462 % throttled".
 */
public record Saving(PolicyName against, SimulationResult capacityctl, SimulationResult other) {

  /** capacityctl's cost minus the other policy's: negative when capacityctl is cheaper. */
  public double deltaUsd() {
    return capacityctl.totalCostUsd() - other.totalCostUsd();
  }

  /** {@link #deltaUsd()} as a share of the other policy's cost. */
  public double deltaShare() {
    return other.totalCostUsd() == 0 ? 0 : deltaUsd() / other.totalCostUsd();
  }

  /** The difference in cost, absolute and relative: {@code -$14,125.34 (-21.7 %)}. */
  public String amount() {
    return Figures.signedUsd(deltaUsd()) + " (" + Figures.signedShare(deltaShare()) + ")";
  }

  /** The headline's words for it: {@link #amount()}, then against what and the throttling. */
  public String text() {
    return amount()
        + " against "
        + against
        + " at "
        + Figures.throttledPercent(capacityctl.throttledPercent())
        + " % vs "
        + Figures.throttledPercent(other.throttledPercent())
        + " % throttled";
  }
}
