package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * What moto cannot show: argument checks before any call, NextToken paging, and per-query status
 * codes (Forbidden, PartialData) that must fail the read rather than yield a partial view. The
 * client is a stub answering GetMetricData; the SDK paginator drives it as it drives the real one.
 */
class CloudWatchMetricsAdapterTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private List<GetMetricDataRequest> requests = List.of();

  @Test
  void rejectsARangeNotOnWholeMinutes() {
    TimeRange ragged = new TimeRange(T0.plusSeconds(30), T0.plusSeconds(330));

    assertThatThrownBy(() -> adapter(r -> null).read(List.of("sonnet"), List.of(ragged)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole minutes");
    assertThat(requests).isEmpty();
  }

  @Test
  void rejectsAnEmptyRange() {
    assertThatThrownBy(
            () -> adapter(r -> null).read(List.of("sonnet"), List.of(new TimeRange(T0, T0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noRangesMeansNoSeriesAndNoCall() {
    assertThat(adapter(r -> null).read(List.of("sonnet"), List.of()))
        .containsEntry("sonnet", List.of());
    assertThat(requests).isEmpty();
  }

  @Test
  void followsNextTokenAndMergesThePages() {
    MinuteSeries s =
        adapter(
                r ->
                    r.nextToken() == null
                        ? page(r, StatusCode.PARTIAL_DATA, "page-2", T0)
                        : page(r, StatusCode.COMPLETE, null, T0.plusSeconds(60)))
            .read(List.of("sonnet"), List.of(new TimeRange(T0, T0.plusSeconds(120))))
            .get("sonnet")
            .get(0);

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).startTime()).isEqualTo(T0);
    assertThat(requests.get(0).endTime()).isEqualTo(T0.plusSeconds(120));
    assertThat(requests.get(0).metricDataQueries()).allMatch(q -> q.metricStat().period() == 60);
    // Every query answered 1 per page: input + output tokens = 2 in each minute.
    assertThat(s.tokens()).containsExactly(2.0, 2.0);
  }

  @Test
  void rangesFarApartAreReadWithOneCallEachAndOverlappingOnesShareOne() {
    Instant dayLater = T0.plus(Duration.ofDays(1));
    List<TimeRange> ranges =
        List.of(
            new TimeRange(dayLater, dayLater.plusSeconds(120)),
            new TimeRange(T0, T0.plusSeconds(120)),
            new TimeRange(T0.plusSeconds(60), T0.plusSeconds(180)));

    Map<String, List<MinuteSeries>> read =
        adapter(r -> page(r, StatusCode.COMPLETE, null, r.startTime()))
            .read(List.of("sonnet"), ranges);

    assertThat(requests)
        .extracting(GetMetricDataRequest::startTime, GetMetricDataRequest::endTime)
        .containsExactly(
            tuple(T0, T0.plusSeconds(180)), tuple(dayLater, dayLater.plusSeconds(120)));
    List<MinuteSeries> sonnet = read.get("sonnet");
    assertThat(sonnet.get(0).tokens()).containsExactly(2.0, Double.NaN);
    assertThat(sonnet.get(1).tokens()).containsExactly(2.0, Double.NaN);
    assertThat(sonnet.get(2).tokens()).containsExactly(Double.NaN, Double.NaN);
  }

  @Test
  void aForbiddenQueryFailsTheReadAsAccessDenied() {
    assertThatThrownBy(
            () ->
                adapter(r -> page(r, StatusCode.FORBIDDEN, null, T0))
                    .read(List.of("sonnet"), List.of(new TimeRange(T0, T0.plusSeconds(60)))))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CloudException.Kind.ACCESS_DENIED);
              assertThat(e.action()).isEqualTo("cloudwatch:GetMetricData");
            });
  }

  @Test
  void dataStillPartialOnTheLastPageFailsTheRead() {
    assertThatThrownBy(
            () ->
                adapter(r -> page(r, StatusCode.PARTIAL_DATA, null, T0))
                    .read(List.of("sonnet"), List.of(new TimeRange(T0, T0.plusSeconds(60)))))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE));
  }

  @Test
  void aThrottledCallIsClassifiedAsThrottling() {
    assertThatThrownBy(
            () ->
                adapter(
                        r -> {
                          throw StubCloudWatch.throttling();
                        })
                    .read(List.of("sonnet"), List.of(new TimeRange(T0, T0.plusSeconds(60)))))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.THROTTLING));
  }

  @Test
  void aNewestMinuteWhoseOutputTokensHaveNotLandedIsAGapForADecisionNotForHistory() {
    // CloudWatch lands InputTokenCount and OutputTokenCount independently: the output of minute 2
    // is not in on the first reads, it is on the last.
    boolean[] outputLanded = {false};
    CloudWatchMetricsAdapter adapter =
        adapter(
            r -> {
              List<MetricDataResult> results = new ArrayList<>();
              for (MetricDataQuery q : r.metricDataQueries()) {
                String metric = q.metricStat().metric().metricName();
                int minutes =
                    switch (metric) {
                      case "InputTokenCount" -> 3;
                      case "OutputTokenCount" -> outputLanded[0] ? 3 : 2;
                      default -> 0;
                    };
                double value = "InputTokenCount".equals(metric) ? 4_000 : 1_000;
                List<Instant> at = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (int m = 0; m < minutes; m++) {
                  Instant t = T0.plusSeconds(60L * m);
                  if (!t.isBefore(r.startTime()) && t.isBefore(r.endTime())) {
                    at.add(t);
                    values.add(value);
                  }
                }
                results.add(
                    MetricDataResult.builder()
                        .id(q.id())
                        .timestamps(at)
                        .values(values)
                        .statusCode(StatusCode.COMPLETE)
                        .build());
              }
              return GetMetricDataResponse.builder().metricDataResults(results).build();
            });
    List<TimeRange> window = List.of(new TimeRange(T0, T0.plusSeconds(180)));
    Map<String, Set<String>> serving = Map.of("sonnet", Set.of());

    assertThat(adapter.read(List.of("sonnet"), window, serving).get("sonnet").get(0).tokens())
        .containsExactly(5_000.0, 5_000.0, Double.NaN);
    assertThat(adapter.read(List.of("sonnet"), window).get("sonnet").get(0).tokens())
        .containsExactly(5_000.0, 5_000.0, 4_000.0);

    outputLanded[0] = true;

    // The settled-minutes cache reads the newest minutes again: the minute is whole.
    assertThat(adapter.read(List.of("sonnet"), window, serving).get("sonnet").get(0).tokens())
        .containsExactly(5_000.0, 5_000.0, 5_000.0);
  }

  /** Every query of the request answered with value 1 at {@code at}. */
  private static GetMetricDataResponse page(
      GetMetricDataRequest request, StatusCode status, String nextToken, Instant at) {
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery q : request.metricDataQueries()) {
      results.add(
          MetricDataResult.builder()
              .id(q.id())
              .timestamps(at)
              .values(1.0)
              .statusCode(status)
              .build());
    }
    return GetMetricDataResponse.builder().metricDataResults(results).nextToken(nextToken).build();
  }

  private CloudWatchMetricsAdapter adapter(
      Function<GetMetricDataRequest, GetMetricDataResponse> answer) {
    StubCloudWatch stub = new StubCloudWatch(answer);
    requests = stub.requests;
    return new CloudWatchMetricsAdapter(
        stub, MetricsTestConfigs.config(MetricsTestConfigs.modelIdSource()), k -> List.of());
  }
}
