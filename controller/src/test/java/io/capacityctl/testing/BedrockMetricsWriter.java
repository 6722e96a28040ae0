package io.capacityctl.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Puts Bedrock's per-minute token metrics into an emulated CloudWatch the way Bedrock publishes
 * them (namespace AWS/Bedrock, dimension ModelId). Calls of 100 datums (the API takes 1,000; moto
 * parses a call's members in time that grows with the square of their number). Test setup only:
 * capacityctl never writes metrics.
 */
public final class BedrockMetricsWriter implements AutoCloseable {
  static final int DATUMS_PER_CALL = 100;

  private final CloudWatchClient cloudWatch;
  private final List<MetricDatum> pending = new ArrayList<>();
  private String namespace = "AWS/Bedrock";

  public BedrockMetricsWriter(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** One minute of a model id's (or PT ARN's) tokens, input and output. */
  public BedrockMetricsWriter minute(
      String modelId, Instant minute, double inputTokens, double outputTokens) {
    Instant at = minute.plusSeconds(30);
    add("InputTokenCount", "ModelId", modelId, at, inputTokens);
    add("OutputTokenCount", "ModelId", modelId, at, outputTokens);
    return this;
  }

  /** One datum of any metric in AWS/Bedrock. */
  public BedrockMetricsWriter datum(
      String metric, String dimension, String value, Instant at, double v) {
    add(metric, dimension, value, at, v);
    return this;
  }

  private void add(String metric, String dimension, String value, Instant at, double v) {
    pending.add(
        MetricDatum.builder()
            .metricName(metric)
            .dimensions(Dimension.builder().name(dimension).value(value).build())
            .timestamp(at)
            .value(v)
            .build());
    if (pending.size() == DATUMS_PER_CALL) {
      flush();
    }
  }

  /** Sends what is pending. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<MetricDatum> batch = List.copyOf(pending);
    pending.clear();
    cloudWatch.putMetricData(r -> r.namespace(namespace).metricData(batch));
  }

  /** Later datums go to {@code other} (a custom metric's namespace). */
  public BedrockMetricsWriter namespace(String other) {
    flush();
    namespace = other;
    return this;
  }

  @Override
  public void close() {
    flush();
  }
}
