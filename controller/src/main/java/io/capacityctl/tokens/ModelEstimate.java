package io.capacityctl.tokens;

/**
 * What one model needs at the daily peak of its intents.
 *
 * @param peakTokensPerSecond sum of its intents' peak tokens/s
 * @param units model units so that the peak uses {@code targetUtilization} of them
 * @param overQuota the units exceed the account's model-unit quota ({@code maxUnits})
 * @param monthlyUsd {@code units} kept all month (730 h) at the no-commitment price: the cost
 *     without a schedule, the ceiling a schedule brings down
 */
public record ModelEstimate(
    String model,
    double peakTokensPerSecond,
    double tokensPerSecondPerUnit,
    double targetUtilization,
    int units,
    int maxUnits,
    boolean overQuota,
    double unitHourlyUsd,
    double monthlyUsd) {}
