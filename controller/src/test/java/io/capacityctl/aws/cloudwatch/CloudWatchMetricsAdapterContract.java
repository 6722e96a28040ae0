package io.capacityctl.aws.cloudwatch;

import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU_ID;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.testing.AwsEmulator;
import io.capacityctl.testing.CallCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The CloudWatch metrics adapter against a real CloudWatch API (moto): datapoints written with
 * PutMetricData come back as per-minute series, every model and range in one GetMetricData call.
 */
abstract class CloudWatchMetricsAdapterContract {
  /** Fixed, minute-aligned; moto keeps datapoints of any age. */
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private CloudWatchClient cloudWatch;
  private CallCounter calls;

  abstract AwsEmulator emulator();

  @BeforeEach
  void clients() {
    calls = new CallCounter();
    cloudWatch = emulator().clients().withInterceptor(calls).build(CloudWatchClient.builder());
  }

  @Test
  void readsEveryModelAndRangeInOneCallWithMissingMinutesAsNaN() {
    putBedrock(SONNET_ID, 0, 1000, 500, 10, 0);
    putBedrock(SONNET_ID, 1, 2000, 800, 20, 3);
    putBedrock(SONNET_ID, 3, 1500, 600, 15, 0); // minute 2 has no datapoint at all
    putBedrock(HAIKU_ID, 0, 300, 100, 4, 0);
    putBedrock(HAIKU_ID, 4, 700, 200, 9, 1);

    Map<String, List<MinuteSeries>> read =
        adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
            .read(List.of(SONNET, HAIKU), List.of(range(0, 5), range(2, 4)));

    assertThat(calls.count("GetMetricData")).isEqualTo(1);
    MinuteSeries sonnet = read.get(SONNET).get(0);
    assertThat(sonnet.start()).isEqualTo(T0);
    assertThat(sonnet.tokens()).containsExactly(1500.0, 2800.0, Double.NaN, 2100.0, Double.NaN);
    assertThat(sonnet.invocations()).containsExactly(10.0, 20.0, Double.NaN, 15.0, Double.NaN);
    assertThat(sonnet.throttles()).containsExactly(0.0, 3.0, Double.NaN, 0.0, Double.NaN);
    assertThat(read.get(SONNET).get(1).start()).isEqualTo(minute(2));
    assertThat(read.get(SONNET).get(1).tokens()).containsExactly(Double.NaN, 2100.0);
    MinuteSeries haiku = read.get(HAIKU).get(0);
    assertThat(haiku.tokens()).containsExactly(400.0, Double.NaN, Double.NaN, Double.NaN, 900.0);
    assertThat(haiku.throttles()[4]).isEqualTo(1.0);
  }

  @Test
  void sumsDatapointsWithinAMinute() {
    put("AWS/Bedrock", "InputTokenCount", "ModelId", SONNET_ID, minute(0).plusSeconds(5), 100);
    put("AWS/Bedrock", "InputTokenCount", "ModelId", SONNET_ID, minute(0).plusSeconds(40), 250);

    MinuteSeries s =
        adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
            .read(List.of(SONNET), List.of(range(0, 1)))
            .get(SONNET)
            .get(0);

    assertThat(s.tokens()).containsExactly(350.0);
  }

  @Test
  void ptArnSourceAddsEveryArnAndTheOnDemandModelId() {
    String a1 = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a1";
    String a2 = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a2";
    putBedrock(a1, 0, 1000, 0, 5, 0);
    putBedrock(a2, 0, 2000, 0, 6, 0);
    putBedrock(SONNET_ID, 0, 400, 0, 2, 7);
    putBedrock(SONNET_ID, 1, 300, 0, 1, 0); // only on-demand traffic in minute 1
    putBedrock(a1, 2, 500, 0, 1, 0); // every series reported minute 2: the PTs were idle in 1
    putBedrock(a2, 2, 500, 0, 1, 0);
    putBedrock(SONNET_ID, 2, 100, 0, 1, 0);

    MinuteSeries s =
        adapter(
                MetricsTestConfigs.ptArnsSource(),
                k -> k.equals(SONNET) ? List.of(a1, a2) : List.of())
            .read(List.of(SONNET), List.of(range(0, 3)))
            .get(SONNET)
            .get(0);

    assertThat(s.tokens()).containsExactly(3400.0, 300.0, 1100.0);
    assertThat(s.invocations()).containsExactly(13.0, 1.0, 3.0);
    assertThat(s.throttles()).containsExactly(7.0, 0.0, 0.0);
    assertThat(calls.count("GetMetricData")).isEqualTo(1);
  }

  /**
   * Issue 16, finding 2: the newest minute has the on-demand series (6,000 tokens) but the PT-ARN
   * series (600,000) has not arrived. Read as 6,000 it looks like a 99 % drop; it is a gap.
   */
  @Test
  void aMinuteWhoseOnDemandSeriesArrivedButNotItsPtSeriesIsAGap() {
    String pt = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p1";
    for (int m = 0; m < 5; m++) {
      putBedrock(pt, m, 400_000, 200_000, 600, 0);
    }
    for (int m = 0; m < 6; m++) {
      putBedrock(SONNET_ID, m, 4_000, 2_000, 6, 0);
    }

    MinuteSeries s =
        adapter(MetricsTestConfigs.ptArnsSource(), k -> k.equals(SONNET) ? List.of(pt) : List.of())
            .read(List.of(SONNET), List.of(range(0, 6)), Map.of(SONNET, Set.of(pt)))
            .get(SONNET)
            .get(0);

    assertThat(s.tokens())
        .containsExactly(606_000.0, 606_000.0, 606_000.0, 606_000.0, 606_000.0, Double.NaN);
    assertThat(s.invocations()[5]).isNaN();
    assertThat(s.throttles()[5]).isNaN();
  }

  /** A PT routed to callers now that has stopped reporting is late however long it lasts. */
  @Test
  void aRoutedPtSilentWhileTheOnDemandSeriesReportsKeepsEveryMinuteAGap() {
    String pt = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p1";
    for (int m = 0; m < 2; m++) {
      putBedrock(pt, m, 400_000, 200_000, 600, 0);
    }
    for (int m = 0; m < 10; m++) {
      putBedrock(SONNET_ID, m, 4_000, 2_000, 6, 0);
    }
    CloudWatchMetricsAdapter adapter =
        adapter(MetricsTestConfigs.ptArnsSource(), k -> k.equals(SONNET) ? List.of(pt) : List.of());

    MinuteSeries routed =
        adapter
            .read(List.of(SONNET), List.of(range(0, 10)), Map.of(SONNET, Set.of(pt)))
            .get(SONNET)
            .get(0);
    MinuteSeries deleted =
        adapter
            .read(List.of(SONNET), List.of(range(0, 10)), Map.of(SONNET, Set.of()))
            .get(SONNET)
            .get(0);
    MinuteSeries history = adapter.read(List.of(SONNET), List.of(range(0, 10))).get(SONNET).get(0);

    assertThat(routed.tokens()[0]).isEqualTo(606_000.0);
    assertThat(Arrays.copyOfRange(routed.tokens(), 2, 10)).containsOnly(Double.NaN);
    // Not routed (drained, deleted): it stopped; three minutes late, then the on-demand alone.
    assertThat(Arrays.copyOfRange(deleted.tokens(), 2, 5)).containsOnly(Double.NaN);
    assertThat(Arrays.copyOfRange(deleted.tokens(), 5, 10)).containsOnly(6_000.0);
    // Settled history (the waste report) is read as CloudWatch holds it.
    assertThat(Arrays.copyOfRange(history.tokens(), 2, 10)).containsOnly(6_000.0);
  }

  /**
   * The reconcile pass's read through the settled-minutes cache on the wire: a second pass a minute
   * later makes one call, sees a new minute and a late datapoint inside the band as a whole read
   * does, and keeps a minute older than the band as it first read it.
   */
  @Test
  void aLaterPassReadsTheNewMinutesAndTheBandAndKeepsOlderMinutesSettled() {
    String pt = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p1";
    for (int m = 0; m < 60; m++) {
      if (m % 7 != 3) { // quiet minutes: no datapoint
        putBedrock(SONNET_ID, m, 1000 + m, 500, 10, m % 5);
      }
      putBedrock(pt, m, 400, 200, 2, 0);
    }
    CloudWatchMetricsAdapter cached =
        adapter(MetricsTestConfigs.ptArnsSource(), k -> k.equals(SONNET) ? List.of(pt) : List.of());
    Map<String, Set<String>> serving = Map.of(SONNET, Set.of(pt));
    cached.read(List.of(SONNET, HAIKU), List.of(range(0, 60)), serving);

    putBedrock(SONNET_ID, 60, 3000, 500, 10, 0); // the new minute
    putBedrock(pt, 60, 400, 200, 2, 0);
    // Late on-demand datapoints for two quiet minutes: inside the band, and older than it (missed).
    putBedrock(SONNET_ID, 45, 7000, 0, 1, 0);
    putBedrock(SONNET_ID, 10, 7000, 0, 1, 0);
    int before = calls.count("GetMetricData");
    MinuteSeries got =
        cached.read(List.of(SONNET, HAIKU), List.of(range(1, 61)), serving).get(SONNET).get(0);
    assertThat(calls.count("GetMetricData") - before).isEqualTo(1);
    MinuteSeries whole =
        adapter(MetricsTestConfigs.ptArnsSource(), k -> k.equals(SONNET) ? List.of(pt) : List.of())
            .read(List.of(SONNET, HAIKU), List.of(range(1, 61)), serving)
            .get(SONNET)
            .get(0);

    assertThat(got.tokens(59)).isEqualTo(whole.tokens(59)).isEqualTo(4100.0);
    assertThat(got.tokens(44)).isEqualTo(whole.tokens(44)).isEqualTo(7000 + 600);
    assertThat(got.tokens(9)).isEqualTo(600); // the PT's alone, as first read
    assertThat(whole.tokens(9)).isEqualTo(7000 + 600);
    for (int i = 0; i < 60; i++) {
      if (i != 9) {
        assertThat(got.sameMinutes(i, whole, i, 1)).as("minute %d", i + 1).isTrue();
      }
    }
  }

  @Test
  void customGaugeIsConvertedFromTokensPerSecondToTokensPerMinute() {
    put("MangaAssist", "TokensPerSecond", "Model", SONNET, minute(0), 120);
    put("MangaAssist", "TokensPerSecond", "Model", SONNET, minute(1), 80);
    put("MangaAssist", "TokensPerSecond", "Model", HAIKU, minute(1), 999); // another model

    MinuteSeries s =
        adapter(MetricsTestConfigs.customSource(), k -> List.of())
            .read(List.of(SONNET), List.of(range(0, 3)))
            .get(SONNET)
            .get(0);

    assertThat(s.tokens()).containsExactly(7200.0, 4800.0, Double.NaN);
  }

  @Test
  void moreThan500QueriesAreSplitIntoCallsOf500() {
    List<String> arns = new ArrayList<>();
    IntStream.range(0, 130)
        .forEach(i -> arns.add("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p" + i));
    putBedrock(arns.get(129), 0, 10, 5, 1, 0); // the last queries land in the second call
    putBedrock(arns.get(0), 0, 20, 0, 1, 0);

    MinuteSeries s =
        adapter(MetricsTestConfigs.ptArnsSource(), k -> arns) // 131 ids x 4 metrics = 524 queries
            .read(List.of(SONNET), List.of(range(0, 1)))
            .get(SONNET)
            .get(0);

    assertThat(calls.count("GetMetricData")).isEqualTo(2);
    assertThat(s.tokens()).containsExactly(35.0);
    assertThat(s.invocations()).containsExactly(2.0);
  }

  private CloudWatchMetricsAdapter adapter(
      MetricsSource source, Function<String, ? extends Collection<String>> arns) {
    return new CloudWatchMetricsAdapter(cloudWatch, MetricsTestConfigs.config(source), arns);
  }

  private void putBedrock(
      String modelId, int minute, double in, double out, double invocations, double throttles) {
    Instant at = minute(minute).plusSeconds(30);
    put("AWS/Bedrock", "InputTokenCount", "ModelId", modelId, at, in);
    put("AWS/Bedrock", "OutputTokenCount", "ModelId", modelId, at, out);
    put("AWS/Bedrock", "Invocations", "ModelId", modelId, at, invocations);
    put("AWS/Bedrock", "InvocationThrottles", "ModelId", modelId, at, throttles);
  }

  /** Test setup only: the adapter itself never writes metrics. */
  private void put(
      String namespace, String metric, String dimension, String value, Instant at, double v) {
    cloudWatch.putMetricData(
        r ->
            r.namespace(namespace)
                .metricData(
                    MetricDatum.builder()
                        .metricName(metric)
                        .dimensions(Dimension.builder().name(dimension).value(value).build())
                        .timestamp(at)
                        .value(v)
                        .build()));
  }

  static Instant minute(int m) {
    return T0.plusSeconds(60L * m);
  }

  static TimeRange range(int fromMinute, int toMinute) {
    return new TimeRange(minute(fromMinute), minute(toMinute));
  }
}
