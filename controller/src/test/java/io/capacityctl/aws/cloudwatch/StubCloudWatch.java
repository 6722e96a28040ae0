package io.capacityctl.aws.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

/**
 * A CloudWatch client that answers GetMetricData with a function of the request and records every
 * request; the SDK paginator drives it as it drives the real one.
 */
final class StubCloudWatch implements CloudWatchClient {
  final List<GetMetricDataRequest> requests = new ArrayList<>();
  private final Function<GetMetricDataRequest, GetMetricDataResponse> answer;

  StubCloudWatch(Function<GetMetricDataRequest, GetMetricDataResponse> answer) {
    this.answer = answer;
  }

  @Override
  public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
    requests.add(request);
    return answer.apply(request);
  }

  /** What CloudWatch throws when its rate is exceeded (after the SDK's retries). */
  static CloudWatchException throttling() {
    return (CloudWatchException)
        CloudWatchException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("Throttling")
                    .errorMessage("Rate exceeded")
                    .build())
            .build();
  }

  @Override
  public String serviceName() {
    return "cloudwatch";
  }

  @Override
  public void close() {}
}
