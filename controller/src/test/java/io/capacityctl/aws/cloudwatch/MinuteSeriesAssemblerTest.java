package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.cloudwatch.MetricQuery.Field;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
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

    // The sums as they are (the history read): minute 2's output tokens not being in yet is the
    // reconcile read's concern (below).
    MinuteSeries s =
        assembler
            .series(List.of("m"), List.of(new TimeRange(T0, T0.plusSeconds(240))), null)
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

  @Test
  void aNewestMinuteWithInputTokensButNotYetOutputTokensIsAGapUntilTheOutputLands() {
    var assembler =
        new MinuteSeriesAssembler(
            List.of(
                token("in", "arn:pt1", "InputTokenCount"),
                token("out", "arn:pt1", "OutputTokenCount"),
                new MetricQuery(
                    "inv",
                    "m",
                    Field.INVOCATIONS,
                    1,
                    "AWS/Bedrock",
                    "Invocations",
                    "ModelId",
                    "arn:pt1",
                    "Sum")),
            T0,
            3);
    // Minutes 0-2: 4,000 input tokens and 1,000 output; the output of minute 2 has not landed.
    assembler.add("in", minutes(0, 1, 2), List.of(4e3, 4e3, 4e3));
    assembler.add("out", minutes(0, 1), List.of(1e3, 1e3));
    assembler.add("inv", minutes(0, 1, 2), List.of(2.0, 2.0, 2.0));
    TimeRange all = new TimeRange(T0, T0.plusSeconds(180));
    Map<String, Set<String>> routed = Map.of("m", Set.of("arn:pt1"));

    double nan = Double.NaN;
    // Read for a decision: minute 2 would be a 20 % drop in demand that is not there; it is a gap.
    MinuteSeries reconcile = assembler.series(List.of("m"), List.of(all), routed).get("m").get(0);
    assertThat(reconcile.tokens()).containsExactly(5e3, 5e3, nan);
    assertThat(reconcile.invocations()).containsExactly(2.0, 2.0, nan);
    // Not routed (late for a few minutes after its newest complete minute): a gap as well.
    assertThat(tokens(assembler.series(List.of("m"), List.of(all), Map.of())))
        .containsExactly(5e3, 5e3, nan);
    // Settled history (no serving view): the sums as they are.
    assertThat(tokens(assembler.series(List.of("m"), List.of(all), null)))
        .containsExactly(5e3, 5e3, 4e3);

    assembler.add("out", minutes(2), List.of(1e3));

    assertThat(tokens(assembler.series(List.of("m"), List.of(all), routed)))
        .containsExactly(5e3, 5e3, 5e3);
  }

  @Test
  void aSeriesThatNeverReportsOutputTokensIsNotBlankedButStillWatchedByItsInputTokens() {
    // An embedding model publishes InputTokenCount only: the missing OutputTokenCount is not late.
    var assembler =
        new MinuteSeriesAssembler(
            List.of(
                token("odIn", "model-id", "InputTokenCount"),
                token("odOut", "model-id", "OutputTokenCount"),
                token("in", "arn:embed", "InputTokenCount"),
                token("out", "arn:embed", "OutputTokenCount")),
            T0,
            3);
    assembler.add("odIn", minutes(0, 1, 2), List.of(1e3, 1e3, 1e3));
    assembler.add("out", List.of(), List.of());
    assembler.add("in", minutes(0, 1), List.of(7e3, 7e3));
    TimeRange all = new TimeRange(T0, T0.plusSeconds(180));
    Map<String, Set<String>> routed = Map.of("m", Set.of("arn:embed"));

    // The PT's input tokens of minute 2 are late: a gap, as for any series.
    assertThat(tokens(assembler.series(List.of("m"), List.of(all), routed)))
        .containsExactly(8e3, 8e3, Double.NaN);

    assembler.add("in", minutes(2), List.of(7e3));

    assertThat(tokens(assembler.series(List.of("m"), List.of(all), routed)))
        .containsExactly(8e3, 8e3, 8e3);
  }

  @Test
  void ofTwoPtsTheHalfReportedOneMakesTheNewestMinuteAGap() {
    var assembler =
        new MinuteSeriesAssembler(
            List.of(
                token("in1", "arn:pt1", "InputTokenCount"),
                token("out1", "arn:pt1", "OutputTokenCount"),
                token("in2", "arn:pt2", "InputTokenCount"),
                token("out2", "arn:pt2", "OutputTokenCount")),
            T0,
            4);
    assembler.add("in1", minutes(0, 1, 2, 3), List.of(4e3, 4e3, 4e3, 4e3));
    assembler.add("out1", minutes(0, 1, 2, 3), List.of(1e3, 1e3, 1e3, 1e3));
    // PT 2's output tokens are in up to minute 1, its input tokens up to minute 3.
    assembler.add("in2", minutes(0, 1, 2, 3), List.of(4e3, 4e3, 4e3, 4e3));
    assembler.add("out2", minutes(0, 1), List.of(1e3, 1e3));
    TimeRange all = new TimeRange(T0, T0.plusSeconds(240));

    double nan = Double.NaN;
    assertThat(
            tokens(
                assembler.series(
                    List.of("m"), List.of(all), Map.of("m", Set.of("arn:pt1", "arn:pt2")))))
        .containsExactly(1e4, 1e4, nan, nan);
    assertThat(tokens(assembler.series(List.of("m"), List.of(all), null)))
        .containsExactly(1e4, 1e4, 9e3, 9e3);
  }

  @Test
  void theModelIdsOutputTokensLaggingPastTheSettleTimeKeepTheMinutesGapsUntilTheyLand() {
    // The model-id source: one series, PT traffic included, that serves no one by name. Its input
    // tokens are in to minute 11, its output tokens only to minute 1: ten minutes of lag.
    var assembler = inputAndOutput(12, "model-id");
    flat(assembler, "model-id in", 0, 11, 4e3);
    flat(assembler, "model-id out", 0, 1, 6e3);
    TimeRange all = new TimeRange(T0, T0.plusSeconds(720));

    // Minutes 2-11 would read 40 % of the demand; each is a gap, not only the first three.
    double[] gaps = new double[12];
    Arrays.fill(gaps, Double.NaN);
    gaps[0] = 1e4;
    gaps[1] = 1e4;
    assertThat(tokens(assembler.series(List.of("m"), List.of(all), Map.of())))
        .containsExactly(gaps);

    flat(assembler, "model-id out", 2, 11, 6e3);

    assertThat(tokens(assembler.series(List.of("m"), List.of(all), Map.of()))).containsOnly(1e4);
  }

  @Test
  void anOnDemandSeriesWhoseOutputTokensLagIsAGapBesideARoutedPtThatReports() {
    // The pt-arns source: the PT is routed and whole to minute 9; the on-demand spill's output
    // tokens are in to minute 2 only, its input tokens to minute 9.
    var assembler = inputAndOutput(10, "model-id", "arn:pt1");
    flat(assembler, "model-id in", 0, 9, 400);
    flat(assembler, "model-id out", 0, 2, 600);
    flat(assembler, "arn:pt1 in", 0, 9, 4e3);
    flat(assembler, "arn:pt1 out", 0, 9, 6e3);
    TimeRange all = new TimeRange(T0, T0.plusSeconds(600));

    double nan = Double.NaN;
    assertThat(tokens(assembler.series(List.of("m"), List.of(all), Map.of("m", Set.of("arn:pt1")))))
        .containsExactly(11e3, 11e3, 11e3, nan, nan, nan, nan, nan, nan, nan);
  }

  @Test
  void aModelIdThatNeverPublishesOutputTokensReadsItsNewestMinuteAsItsInputTokens() {
    // An embedding model under the model-id source: no OutputTokenCount in the whole window.
    var assembler = inputAndOutput(10, "model-id");
    flat(assembler, "model-id in", 0, 9, 7e3);
    assembler.add("model-id out", List.of(), List.of());
    TimeRange all = new TimeRange(T0, T0.plusSeconds(600));

    assertThat(tokens(assembler.series(List.of("m"), List.of(all), Map.of()))).containsOnly(7e3);
  }

  /**
   * An assembler over {@code minutes} of model m's InputTokenCount and OutputTokenCount under each
   * dimension, their query ids the dimension and " in" or " out".
   */
  private static MinuteSeriesAssembler inputAndOutput(int minutes, String... dimensions) {
    List<MetricQuery> queries = new ArrayList<>();
    for (String d : dimensions) {
      queries.add(token(d + " in", d, "InputTokenCount"));
      queries.add(token(d + " out", d, "OutputTokenCount"));
    }
    return new MinuteSeriesAssembler(queries, T0, minutes);
  }

  /** Query {@code id} reports {@code value} in each of the minutes {@code from} to {@code to}. */
  private static void flat(MinuteSeriesAssembler assembler, String id, int from, int to, double v) {
    List<Instant> at =
        IntStream.rangeClosed(from, to).mapToObj(m -> T0.plusSeconds(60L * m)).toList();
    assembler.add(id, at, Collections.nCopies(at.size(), v));
  }

  private static double[] tokens(Map<String, List<MinuteSeries>> read) {
    return read.get("m").get(0).tokens();
  }

  private static List<Instant> minutes(int... indexes) {
    return Arrays.stream(indexes).mapToObj(m -> T0.plusSeconds(60L * m)).toList();
  }

  private static MetricQuery token(String id, String dimension, String metric) {
    return new MetricQuery(
        id, "m", Field.TOKENS, 1, "AWS/Bedrock", metric, "ModelId", dimension, "Sum");
  }

  private static MetricQuery series(String id, String dimension, Field field) {
    return new MetricQuery(
        id, "m", field, 1, "AWS/Bedrock", "InputTokenCount", "ModelId", dimension, "Sum");
  }

  private static MetricQuery query(String id, Field field, double scale, String metric) {
    return new MetricQuery(id, "m", field, scale, "AWS/Bedrock", metric, "ModelId", "x", "Sum");
  }
}
