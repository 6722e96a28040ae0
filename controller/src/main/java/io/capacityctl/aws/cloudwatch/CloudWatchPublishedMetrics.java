package io.capacityctl.aws.cloudwatch;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.ports.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads the controller's own per-model metrics back from CloudWatch (the EMF namespace, dimension
 * {@code Model}): one GetMetricData per read, one query per model at a 60 s period, Average.
 */
public final class CloudWatchPublishedMetrics implements PublishedMetricsApi {
  private final CloudWatchClient cloudWatch;
  private final String namespace;

  public CloudWatchPublishedMetrics(CloudWatchClient cloudWatch, String namespace) {
    this.cloudWatch = cloudWatch;
    this.namespace = namespace;
  }

  @Override
  public Map<String, double[]> perModel(String metric, List<String> modelKeys, TimeRange range) {
    Map<String, double[]> out = new LinkedHashMap<>();
    Map<String, String> keyById = new LinkedHashMap<>();
    List<MetricDataQuery> queries = new ArrayList<>();
    for (String key : modelKeys) {
      double[] values = new double[range.minutes()];
      Arrays.fill(values, Double.NaN);
      out.put(key, values);
      String id = "m" + queries.size();
      keyById.put(id, key);
      Metric m =
          Metric.builder()
              .namespace(namespace)
              .metricName(metric)
              .dimensions(Dimension.builder().name("Model").value(key).build())
              .build();
      queries.add(
          MetricDataQuery.builder()
              .id(id)
              .returnData(true)
              .metricStat(
                  MetricStat.builder()
                      .metric(m)
                      .period(CloudWatchMetricsAdapter.PERIOD_SECONDS)
                      .stat("Average")
                      .build())
              .build());
    }
    if (queries.isEmpty() || range.minutes() <= 0) {
      return out;
    }
    GetMetricDataRequest request =
        GetMetricDataRequest.builder()
            .startTime(range.from())
            .endTime(range.to())
            .scanBy(ScanBy.TIMESTAMP_ASCENDING)
            .metricDataQueries(queries)
            .build();
    AwsErrors.call(
        AwsAction.CLOUDWATCH_GET_METRIC_DATA,
        () -> {
          for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            for (MetricDataResult r : page.metricDataResults()) {
              requireReadable(r);
              fill(out.get(keyById.get(r.id())), range.from(), r.timestamps(), r.values());
            }
          }
          return null;
        });
    return out;
  }

  private static void fill(double[] into, Instant from, List<Instant> at, List<Double> values) {
    for (int i = 0; i < at.size(); i++) {
      long m = Duration.between(from, at.get(i)).toMinutes();
      if (m >= 0 && m < into.length && values.get(i) != null) {
        into[(int) m] = values.get(i);
      }
    }
  }

  /** PartialData pages continue with NextToken; Forbidden and InternalError fail the read. */
  private static void requireReadable(MetricDataResult r) {
    StatusCode s = r.statusCode();
    if (s == StatusCode.FORBIDDEN || s == StatusCode.INTERNAL_ERROR) {
      throw new CloudException(
          s == StatusCode.FORBIDDEN ? Kind.ACCESS_DENIED : Kind.UNAVAILABLE,
          AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction(),
          "query " + r.id() + " returned status " + s);
    }
  }
}
