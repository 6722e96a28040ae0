package io.capacityctl.sim;

import java.util.Map;

/**
 * What one policy cost and how well it served over a trace.
 *
 * @param models per model key
 * @param ecs null when the config has no ECS service
 * @param failedPasses reconcile passes that reported a failure
 */
public record SimulationResult(
    String policy, int minutes, Map<String, ModelTotals> models, EcsTotals ecs, int failedPasses) {

  public double bedrockCostUsd() {
    return models.values().stream().mapToDouble(ModelTotals::costUsd).sum();
  }

  public double ecsCostUsd() {
    return ecs == null ? 0 : ecs.costUsd();
  }

  public double totalCostUsd() {
    return bedrockCostUsd() + ecsCostUsd();
  }

  /** Tokens demanded, all models. */
  public double demandTokens() {
    return models.values().stream().mapToDouble(ModelTotals::demandTokens).sum();
  }

  /** Tokens neither PT nor on-demand served, all models. */
  public double throttledTokens() {
    return models.values().stream().mapToDouble(ModelTotals::throttledTokens).sum();
  }

  public double throttledPercent() {
    double demand = demandTokens();
    return demand <= 0 ? 0 : 100 * throttledTokens() / demand;
  }

  /**
   * Tokens throttled where the quota could have served the demand, as a percentage of all the
   * tokens demanded: what the throttle budget is judged on ({@link ModelTotals}).
   */
  public double throttledWithinQuotaPercent() {
    double demand = demandTokens();
    double within =
        models.values().stream().mapToDouble(ModelTotals::throttledWithinQuotaTokens).sum();
    return demand <= 0 ? 0 : 100 * within / demand;
  }

  /**
   * Of {@link #throttledWithinQuotaPercent}, the part in minutes busier than every minute of the
   * week before them (records: {@link ModelTotals#throttledInRecordsTokens}), as a percentage of
   * all the tokens demanded.
   */
  public double throttledInRecordsPercent() {
    double demand = demandTokens();
    double records =
        models.values().stream().mapToDouble(ModelTotals::throttledInRecordsTokens).sum();
    return demand <= 0 ? 0 : 100 * records / demand;
  }

  /** Mean waste ratio over every model-minute with provisioned capacity. */
  public double meanWasteRatio() {
    double sum = models.values().stream().mapToDouble(t -> t.wasteSum).sum();
    int n = models.values().stream().mapToInt(t -> t.wasteMinutes).sum();
    return n == 0 ? 0 : sum / n;
  }

  public int scalingActions() {
    return models.values().stream().mapToInt(ModelTotals::scalingActions).sum()
        + (ecs == null ? 0 : ecs.scalingActions());
  }

  public int ecsShortfallMinutes() {
    return ecs == null ? 0 : ecs.shortfallMinutes();
  }
}
