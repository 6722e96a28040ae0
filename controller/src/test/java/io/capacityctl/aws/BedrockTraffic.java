package io.capacityctl.aws;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Plays one model's callers and Bedrock's metrics for a minute (test setup only; capacityctl never
 * writes these): demand goes to the published, non-draining PT ARNs in proportion to their units up
 * to their throughput, then to on-demand up to its quota, and the rest is throttled. CloudWatch
 * gets what Bedrock would publish: tokens and invocations under each ARN or the model id that
 * served them, throttles under the model id.
 */
final class BedrockTraffic {
  static final double TOKENS_PER_REQUEST = 1000;
  static final double INPUT_SHARE = 0.875; // 7:1 input:output, as MangaAssist measured

  private final CloudWatchClient cloudWatch;
  private final ModelConfig model;

  BedrockTraffic(CloudWatchClient cloudWatch, ModelConfig model) {
    this.cloudWatch = cloudWatch;
    this.model = model;
  }

  /** Writes the minute starting at {@code minute}, given the routes callers see (or null). */
  void play(Instant minute, double demandTps, ModelRoutes routes) {
    List<Route> serving =
        routes == null ? List.of() : routes.routes().stream().filter(r -> !r.draining()).toList();
    int units = serving.stream().mapToInt(Route::units).sum();
    double viaPts = Math.min(demandTps, units * model.tokensPerSecondPerUnit());
    double onDemand = Math.min(demandTps - viaPts, model.onDemandTps());
    double throttled = demandTps - viaPts - onDemand;
    Instant at = minute.plusSeconds(30);
    List<MetricDatum> data = new ArrayList<>();
    for (Route r : serving) {
      served(data, r.arn(), viaPts * r.units() / units, at);
    }
    served(data, model.modelId(), onDemand, at);
    if (throttled > 0) {
      data.add(datum(model.modelId(), "InvocationThrottles", requests(throttled), at));
    }
    cloudWatch.putMetricData(r -> r.namespace("AWS/Bedrock").metricData(data));
  }

  private static void served(List<MetricDatum> data, String modelId, double tps, Instant at) {
    if (tps <= 0) {
      return; // Bedrock publishes nothing for an id that served nothing
    }
    data.add(datum(modelId, "InputTokenCount", tps * 60 * INPUT_SHARE, at));
    data.add(datum(modelId, "OutputTokenCount", tps * 60 * (1 - INPUT_SHARE), at));
    data.add(datum(modelId, "Invocations", requests(tps), at));
  }

  private static double requests(double tps) {
    return tps * 60 / TOKENS_PER_REQUEST;
  }

  private static MetricDatum datum(String modelId, String metric, double value, Instant at) {
    return MetricDatum.builder()
        .metricName(metric)
        .dimensions(Dimension.builder().name("ModelId").value(modelId).build())
        .timestamp(at)
        .value(value)
        .build();
  }
}
