package io.capacityctl.sim;

import io.capacityctl.leadtime.LeadTimeTotal;

/**
 * One model's outcome over a simulation, accumulated minute by minute.
 *
 * <p>Per minute: PT-served = min(demand, in-service units x tokensPerSecondPerUnit); on-demand =
 * min(remaining demand, onDemandTps); throttled = the rest. Every PT that exists is billed for the
 * minute, whatever its state (Creating, InService, draining).
 *
 * <p>Throttled tokens are also counted apart in the minutes the quota could have served: demand at
 * most {@code maxUnits} units plus the on-demand throughput. Beyond that no policy serves it (the
 * clairvoyant oracle throttles exactly there), so the throttle budget is judged on the rest.
 */
public final class ModelTotals {
  double unitMinutes;
  double unitCostUsd;
  double demandTokens;
  double onDemandTokens;
  double onDemandCostUsd;
  double throttledTokens;
  double throttledWithinQuotaTokens;
  double throttledInRecordsTokens;
  double wasteSum;
  int wasteMinutes;
  int throttledMinutes;
  int scalingActions;
  LeadTimeTotal leadTime;

  public double unitCostUsd() {
    return unitCostUsd;
  }

  public double onDemandCostUsd() {
    return onDemandCostUsd;
  }

  public double costUsd() {
    return unitCostUsd + onDemandCostUsd;
  }

  public double demandTokens() {
    return demandTokens;
  }

  public double onDemandTokens() {
    return onDemandTokens;
  }

  public double throttledTokens() {
    return throttledTokens;
  }

  public double throttledPercent() {
    return demandTokens <= 0 ? 0 : 100 * throttledTokens / demandTokens;
  }

  /**
   * Tokens throttled in the minutes whose demand the quota could have served ({@code maxUnits}
   * units plus on demand): the throttling a policy could have avoided.
   */
  public double throttledWithinQuotaTokens() {
    return throttledWithinQuotaTokens;
  }

  /** {@link #throttledWithinQuotaTokens} as a percentage of all the tokens demanded. */
  public double throttledWithinQuotaPercent() {
    return demandTokens <= 0 ? 0 : 100 * throttledWithinQuotaTokens / demandTokens;
  }

  /**
   * Of {@link #throttledWithinQuotaTokens}, the tokens throttled in minutes busier than every
   * minute of the week before them ({@link WeekPeak}): records, which no window of past demand
   * held.
   */
  public double throttledInRecordsTokens() {
    return throttledInRecordsTokens;
  }

  /** {@link #throttledInRecordsTokens} as a percentage of all the tokens demanded. */
  public double throttledInRecordsPercent() {
    return demandTokens <= 0 ? 0 : 100 * throttledInRecordsTokens / demandTokens;
  }

  /** Mean over the minutes with provisioned capacity of 1 - PT-served / PT capacity. */
  public double meanWasteRatio() {
    return wasteMinutes == 0 ? 0 : wasteSum / wasteMinutes;
  }

  public double unitHours() {
    return unitMinutes / 60;
  }

  public int scalingActions() {
    return scalingActions;
  }

  public int throttledMinutes() {
    return throttledMinutes;
  }

  /**
   * What the events' lead times cost over the run against the provisioning time configured and the
   * one the run's own creations showed; null until the run is over.
   */
  public LeadTimeTotal leadTime() {
    return leadTime;
  }
}
