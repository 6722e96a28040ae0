package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.cloudwatch.MetricQuery.Field;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinuteSeriesAssemblerTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final List<MetricQuery> QUERIES =
      List.of(
          query("q0", Field.TOKENS, 1, "InputTokenCount"),
          query("q1", Field.TOKENS, 1, "OutputTokenCount"),
          query("q2", Field.INVOCATIONS, 1, "Invocations"),
          query("q3", Field.THROTTLES, 1, "InvocationThrottles"));

  @Test
  void sumsQueriesOfOneFieldAndLeavesMinutesWithoutDataNaN() {
    var assembler = new MinuteSeriesAssembler(QUERIES, T0, 4);
    assembler.add("q0", List.of(T0, T0.plusSeconds(120)), List.of(100.0, 10.0));
    assembler.add("q1", List.of(T0), List.of(50.0));
    assembler.add("q2", List.of(T0), List.of(3.0));

    MinuteSeries s =
        assembler
            .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(240))), Map.of())
            .get("m")
            .get(0);

    assertThat(s.start()).isEqualTo(T0);
    assertThat(s.tokens()).containsExactly(150.0, Double.NaN, 10.0, Double.NaN);
    assertThat(s.invocations()).containsExactly(3.0, Double.NaN, Double.NaN, Double.NaN);
    assertThat(s.throttles()).containsOnly(Double.NaN);
  }

  @Test
  void aReportedZeroIsZeroNotMissing() {
    var assembler = new MinuteSeriesAssembler(QUERIES, T0, 1);
    assembler.add("q0", List.of(T0), List.of(0.0));

    MinuteSeries s =
        assembler
            .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(60))), Map.of())
            .get("m")
            .get(0);

    assertThat(s.tokens()).containsExactly(0.0);
    assertThat(s.missing(0)).isFalse();
  }

  @Test
  void cutsTheWindowIntoEachRequestedRangeInOrder() {
    var assembler = new MinuteSeriesAssembler(QUERIES, T0, 5);
    for (int m = 0; m < 5; m++) {
      assembler.add("q0", List.of(T0.plusSeconds(60L * m)), List.of((double) m));
    }

    List<MinuteSeries> series =
        assembler
            .series(
                List.of("m"),
                List.of(
                    new TimeRange(T0.plusSeconds(180), T0.plusSeconds(300)),
                    new TimeRange(T0, T0.plusSeconds(120))),
                Map.of())
            .get("m");

    assertThat(series.get(0).start()).isEqualTo(T0.plusSeconds(180));
    assertThat(series.get(0).tokens()).containsExactly(3.0, 4.0);
    assertThat(series.get(1).tokens()).containsExactly(0.0, 1.0);
  }

  @Test
  void scalesGaugeValues() {
    var assembler =
        new MinuteSeriesAssembler(List.of(query("g", Field.TOKENS, 60, "TokensPerSecond")), T0, 1);
    assembler.add("g", List.of(T0), List.of(12.5));

    assertThat(
            assembler
                .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(60))), Map.of())
                .get("m")
                .get(0)
                .tokens())
        .containsExactly(750.0);
  }

  @Test
  void anUnknownQueryIdIsAnError() {
    var assembler = new MinuteSeriesAssembler(QUERIES, T0, 1);

    assertThatThrownBy(() -> assembler.add("zz", List.of(T0), List.of(1.0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("zz");
  }

  @Test
  void aMinuteOneSeriesHasNotReportedIsAGapThatALaterDatapointFills() {
    var assembler =
        new MinuteSeriesAssembler(
            List.of(series("od", "model-id", Field.TOKENS), series("pt", "arn:pt1", Field.TOKENS)),
            T0,
            8);
    for (int m = 0; m < 8; m++) {
      assembler.add("od", List.of(T0.plusSeconds(60L * m)), List.of(6_000.0));
    }
    // The PT reported minutes 0-1, was idle in 2, reported 3, and has not reported 4-7 yet.
    assembler.add(
        "pt", List.of(T0, T0.plusSeconds(60), T0.plusSeconds(180)), List.of(6e5, 6e5, 6e5));
    TimeRange all = new TimeRange(T0, T0.plusSeconds(480));

    double[] unrouted =
        assembler.series(List.of("m"), List.of(all), Map.of()).get("m").get(0).tokens();
    double[] routed =
        assembler
            .series(List.of("m"), List.of(all), Map.of("m", Set.of("arn:pt1")))
            .get("m")
            .get(0)
            .tokens();

    double nan = Double.NaN;
    // Not routed: late for 3 minutes after its newest datapoint, then stopped (the PT went).
    assertThat(unrouted).containsExactly(606e3, 606e3, 6e3, 606e3, nan, nan, nan, 6e3);
    // Routed to callers now: late for as long as it is silent.
    assertThat(routed).containsExactly(606e3, 606e3, 6e3, 606e3, nan, nan, nan, nan);
  }

  private static MetricQuery series(String id, String dimension, Field field) {
    return new MetricQuery(
        id, "m", field, 1, "AWS/Bedrock", "InputTokenCount", "ModelId", dimension, "Sum");
  }

  private static MetricQuery query(String id, Field field, double scale, String metric) {
    return new MetricQuery(id, "m", field, scale, "AWS/Bedrock", metric, "ModelId", "x", "Sum");
  }
}
