package io.capacityctl.aws.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * One metric read by GetMetricData and where its per-minute values go: added into {@code field} of
 * {@code modelKey}'s series after multiplying by {@code scale}.
 *
 * @param id the GetMetricData query id (a lowercase letter first, then letters/digits/underscores)
 * @param scale 1 for counts; 60 turns a tokens/s gauge into tokens per minute
 */
record MetricQuery(
    String id,
    String modelKey,
    Field field,
    double scale,
    String namespace,
    String metricName,
    String dimensionName,
    String dimensionValue,
    String stat) {

  /** Which array of the model's {@link io.capacityctl.ports.MinuteSeries} the values feed. */
  enum Field {
    TOKENS,
    INVOCATIONS,
    THROTTLES
  }

  /**
   * A datapoint of this query as a count over its period: a Sum times {@code scale}; an Average (a
   * per-second gauge, {@code scale} 60) times {@code scale} for each minute of the period.
   */
  double countOver(double value, int periodSeconds) {
    return MetricQueryPlanner.AVERAGE.equals(stat)
        ? value * scale * periodSeconds / 60
        : value * scale;
  }

  MetricQuery withStat(String otherStat) {
    return new MetricQuery(
        id,
        modelKey,
        field,
        scale,
        namespace,
        metricName,
        dimensionName,
        dimensionValue,
        otherStat);
  }

  MetricDataQuery toSdk(int periodSeconds) {
    Metric metric =
        Metric.builder()
            .namespace(namespace)
            .metricName(metricName)
            .dimensions(Dimension.builder().name(dimensionName).value(dimensionValue).build())
            .build();
    return MetricDataQuery.builder()
        .id(id)
        .returnData(true)
        .metricStat(MetricStat.builder().metric(metric).period(periodSeconds).stat(stat).build())
        .build();
  }
}
