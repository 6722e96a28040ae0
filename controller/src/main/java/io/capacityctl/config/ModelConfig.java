package io.capacityctl.config;

import java.time.Duration;

/**
 * One Bedrock model whose provisioned throughput capacityctl manages.
 *
 * @param key the key used everywhere else in the config (schedule units, events, overrides)
 * @param tokensPerSecondPerUnit input+output tokens/s one model unit serves (ask the account team)
 * @param onDemandTps on-demand throughput usable above provisioned capacity before throttling
 * @param maxUnits the model-unit quota granted to the account
 * @param provisioningTime how long a new PT stays in Creating before it serves
 */
public record ModelConfig(
    String key,
    String modelId,
    double tokensPerSecondPerUnit,
    double unitHourlyUsd,
    double onDemandUsdPer1kTokens,
    double onDemandTps,
    int minUnits,
    int maxUnits,
    Duration provisioningTime) {

  /**
   * Utilisation above which a unit is cheaper than serving the same tokens on demand: a unit costs
   * {@code unitHourlyUsd} per hour whatever it serves, on demand costs per token.
   */
  public double breakEvenUtilization() {
    double onDemandHourlyPerUnit = tokensPerSecondPerUnit * 3600 / 1000 * onDemandUsdPer1kTokens;
    return onDemandHourlyPerUnit <= 0
        ? Double.POSITIVE_INFINITY
        : unitHourlyUsd / onDemandHourlyPerUnit;
  }

  /**
   * These settings with another floor (the frontier prices floors: {@link
   * CapacityConfig#withFloor}).
   */
  public ModelConfig withMinUnits(int units) {
    return new ModelConfig(
        key,
        modelId,
        tokensPerSecondPerUnit,
        unitHourlyUsd,
        onDemandUsdPer1kTokens,
        onDemandTps,
        units,
        maxUnits,
        provisioningTime);
  }

  public long provisioningMinutes() {
    return Math.max(1, (provisioningTime.toSeconds() + 59) / 60);
  }
}
