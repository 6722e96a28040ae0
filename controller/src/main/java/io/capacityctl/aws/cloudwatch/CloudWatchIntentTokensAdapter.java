package io.capacityctl.aws.cloudwatch;

import io.capacityctl.config.IntentsConfig;
import io.capacityctl.ports.IntentTokensApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Reads tokens per request per intent from the application's custom metric (one datapoint per
 * request, dimension = the intent) in one GetMetricData call for every intent.
 *
 * <p>Each intent is read as Sum and SampleCount per minute, and the average is their totals'
 * quotient: exact over any window, where one Average datapoint per window would depend on how
 * CloudWatch aligns a period to the window's start.
 */
public final class CloudWatchIntentTokensAdapter implements IntentTokensApi {
  /** Two queries per intent in one call of at most 500. */
  static final int MAX_INTENTS = CloudWatchMetricsAdapter.MAX_QUERIES_PER_CALL / 2;

  private final CloudWatchClient cloudWatch;
  private final IntentsConfig.Metric metric;

  public CloudWatchIntentTokensAdapter(CloudWatchClient cloudWatch, IntentsConfig.Metric metric) {
    this.cloudWatch = cloudWatch;
    this.metric = metric;
  }

  @Override
  public Map<String, Double> tokensPerRequest(
      Collection<String> intents, Instant from, Instant to) {
    List<String> names = List.copyOf(intents);
    if (names.isEmpty()) {
      return Map.of();
    }
    if (names.size() > MAX_INTENTS) {
      throw new IllegalArgumentException(
          "at most " + MAX_INTENTS + " intents fit one GetMetricData call, got " + names.size());
    }
    List<MetricDataQuery> queries = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      queries.add(query("s" + i, names.get(i), "Sum"));
      queries.add(query("c" + i, names.get(i), "SampleCount"));
    }
    GetMetricDataRequest request =
        GetMetricDataRequest.builder()
            .startTime(from)
            .endTime(to)
            .metricDataQueries(queries)
            .build();
    Map<String, Double> totals = new HashMap<>();
    MetricDataPages.read(
        cloudWatch, request, r -> r.values().forEach(v -> totals.merge(r.id(), v, Double::sum)));
    Map<String, Double> perRequest = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Double requests = totals.get("c" + i);
      if (requests != null && requests > 0) {
        perRequest.put(names.get(i), totals.getOrDefault("s" + i, 0.0) / requests);
      }
    }
    return perRequest;
  }

  private MetricDataQuery query(String id, String intent, String stat) {
    Metric m =
        Metric.builder()
            .namespace(metric.namespace())
            .metricName(metric.name())
            .dimensions(Dimension.builder().name(metric.dimension()).value(intent).build())
            .build();
    return MetricDataQuery.builder()
        .id(id)
        .returnData(true)
        .metricStat(
            MetricStat.builder()
                .metric(m)
                .stat(stat)
                .period(CloudWatchMetricsAdapter.PERIOD_SECONDS)
                .build())
        .build();
  }
}
