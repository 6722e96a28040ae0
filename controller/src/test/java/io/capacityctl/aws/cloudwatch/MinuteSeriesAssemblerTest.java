package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.cloudwatch.MetricQuery.Field;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.List;
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
            .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(240))))
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
            .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(60))))
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
                    new TimeRange(T0, T0.plusSeconds(120))))
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
                .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(60))))
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

  private static MetricQuery query(String id, Field field, double scale, String metric) {
    return new MetricQuery(id, "m", field, scale, "AWS/Bedrock", metric, "ModelId", "x", "Sum");
  }
}
