package io.capacityctl.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a stretch of observed Bedrock traffic back at one CloudWatch period, for {@code capacityctl
 * backtest}: the same metrics and sources as {@link MetricsApi}, at the period the data's age
 * allows (CloudWatch keeps 1-minute data 15 days, 5-minute 63 days, hourly 455 days).
 */
public interface MetricsHistoryApi {

  /**
   * Per model key, in the order given, its traffic over {@code [from, to)}: one value per period.
   *
   * @param from the first period's start, a multiple of {@code periodSeconds} since the epoch
   * @param to the end, a multiple of {@code periodSeconds} since the epoch, after {@code from}
   */
  Map<String, PeriodSeries> read(
      List<String> modelKeys, Instant from, Instant to, int periodSeconds);
}
