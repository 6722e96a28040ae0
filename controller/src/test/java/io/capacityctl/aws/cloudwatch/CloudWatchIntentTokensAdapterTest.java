package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.IntentsConfig;
import io.capacityctl.ports.CloudException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * What moto cannot show for the intents' tokens per request: pages summed across NextToken, and a
 * query CloudWatch did not answer completely failing the read rather than averaging half of it.
 */
class CloudWatchIntentTokensAdapterTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final IntentsConfig.Metric METRIC =
      new IntentsConfig.Metric("MangaAssist", "TokensPerIntent", "Intent");
  private List<GetMetricDataRequest> requests = List.of();

  @Test
  void sumsAndCountsAcrossPagesBeforeDividing() {
    // Page 1: Sum 3000 over 1 request; page 2: Sum 6000 over 2. Per request: 9000 / 3.
    double read =
        adapter(
                r ->
                    r.nextToken() == null
                        ? page(r, StatusCode.PARTIAL_DATA, "page-2", 3000, 1)
                        : page(r, StatusCode.COMPLETE, null, 6000, 2))
            .tokensPerRequest(List.of("taste-profile"), T0, T0.plusSeconds(900))
            .get("taste-profile");

    assertThat(requests).hasSize(2);
    assertThat(read).isEqualTo(3000.0);
  }

  @Test
  void dataStillPartialOnTheLastPageFailsTheRead() {
    assertThatThrownBy(
            () ->
                adapter(r -> page(r, StatusCode.PARTIAL_DATA, null, 3000, 1))
                    .tokensPerRequest(List.of("taste-profile"), T0, T0.plusSeconds(900)))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE);
              assertThat(e.action()).isEqualTo("cloudwatch:GetMetricData");
            });
  }

  @Test
  void aForbiddenQueryFailsTheReadAsAccessDenied() {
    assertThatThrownBy(
            () ->
                adapter(r -> page(r, StatusCode.FORBIDDEN, null, 3000, 1))
                    .tokensPerRequest(List.of("taste-profile"), T0, T0.plusSeconds(900)))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.ACCESS_DENIED));
  }

  /** Sum queries ({@code s*}) answer {@code sum}, SampleCount ones ({@code c*}) {@code count}. */
  private static GetMetricDataResponse page(
      GetMetricDataRequest request, StatusCode status, String nextToken, double sum, double count) {
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery q : request.metricDataQueries()) {
      results.add(
          MetricDataResult.builder()
              .id(q.id())
              .timestamps(T0)
              .values(q.id().startsWith("s") ? sum : count)
              .statusCode(status)
              .build());
    }
    return GetMetricDataResponse.builder().metricDataResults(results).nextToken(nextToken).build();
  }

  private CloudWatchIntentTokensAdapter adapter(
      Function<GetMetricDataRequest, GetMetricDataResponse> answer) {
    StubCloudWatch stub = new StubCloudWatch(answer);
    requests = stub.requests;
    return new CloudWatchIntentTokensAdapter(stub, METRIC);
  }
}
