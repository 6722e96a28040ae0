package io.capacityctl.sim;

/**
 * The ECS service's outcome over a simulation. A shortfall minute is one where running tasks x
 * tokensPerSecondPerTask is below the total demand of all models.
 */
public final class EcsTotals {
  double taskMinutes;
  double costUsd;
  int shortfallMinutes;
  int scalingActions;

  public double costUsd() {
    return costUsd;
  }

  public int shortfallMinutes() {
    return shortfallMinutes;
  }

  public int scalingActions() {
    return scalingActions;
  }

  public double taskHours() {
    return taskMinutes / 60;
  }
}
