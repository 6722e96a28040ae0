package io.capacityctl.aws.cloudwatch;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * One GetMetricData request read to its last page: every failure classified against GetMetricData,
 * and a query whose last page is not Complete failing the read (a partial answer is never taken for
 * the whole one).
 */
final class MetricDataPages {
  private MetricDataPages() {}

  /** Hands every result of every page to {@code each}, then checks each query's last status. */
  static void read(
      CloudWatchClient cloudWatch, GetMetricDataRequest request, Consumer<MetricDataResult> each) {
    Map<String, StatusCode> lastStatus = new HashMap<>();
    AwsErrors.call(
        AwsAction.CLOUDWATCH_GET_METRIC_DATA,
        () -> {
          for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            for (MetricDataResult r : page.metricDataResults()) {
              each.accept(r);
              lastStatus.put(r.id(), r.statusCode());
            }
          }
          return null;
        });
    lastStatus.forEach(MetricDataPages::requireComplete);
  }

  /** Fails the read when CloudWatch did not return all of a query's data. */
  private static void requireComplete(String id, StatusCode status) {
    if (status == null || status == StatusCode.COMPLETE) {
      return;
    }
    Kind kind = status == StatusCode.FORBIDDEN ? Kind.ACCESS_DENIED : Kind.UNAVAILABLE;
    throw new CloudException(
        kind,
        AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction(),
        "query " + id + " returned status " + status);
  }
}
