package io.capacityctl.aws.cloudwatch;

import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU_ID;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.ports.PeriodSeries;
import io.capacityctl.testing.BedrockMetricsWriter;
import io.capacityctl.testing.CallCounter;
import io.capacityctl.testing.MotoServer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The backtest's history read on moto's CloudWatch: the controller's own queries at 1-minute and
 * 5-minute periods in one GetMetricData call, and the half-present period (one token metric of a
 * source without the other) marked partial rather than summed into a drop.
 */
class CloudWatchHistoryMotoTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  static final String ARN = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p1";

  CloudWatchClient cloudWatch;
  CallCounter calls;

  @BeforeEach
  void clients() {
    calls = new CallCounter();
    cloudWatch = MOTO.clients().withInterceptor(calls).build(CloudWatchClient.builder());
  }

  @Test
  void readsMinutesAndFiveMinuteSumsOfEveryModelInOneCall() {
    try (BedrockMetricsWriter w = new BedrockMetricsWriter(cloudWatch)) {
      for (int m = 0; m < 10; m++) {
        w.minute(SONNET_ID, minute(m), 1000 + m, 500);
        w.minute(HAIKU_ID, minute(m), 100, 50 + m);
      }
    }

    Map<String, PeriodSeries> ones =
        adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
            .read(List.of(SONNET, HAIKU), T0, minute(10), 60);
    Map<String, PeriodSeries> fives =
        adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
            .read(List.of(SONNET, HAIKU), T0, minute(10), 300);

    assertThat(calls.count("GetMetricData")).isEqualTo(2);
    assertThat(ones.get(SONNET).tokens()).hasSize(10).startsWith(1500.0, 1501.0);
    assertThat(ones.get(SONNET).demandTps(0)).isEqualTo(1500.0 / 60);
    assertThat(fives.get(SONNET).tokens()).containsExactly(7510.0, 7535.0);
    assertThat(fives.get(SONNET).demandTps(1)).isEqualTo(7535.0 / 300);
    assertThat(fives.get(HAIKU).tokens()).containsExactly(760.0, 785.0);
    assertThat(fives.get(SONNET).at(1)).isEqualTo(minute(5));
    assertThat(fives.get(SONNET).partialCount()).isZero();
  }

  @Test
  void aMinuteWithInputTokensAndNoOutputTokensIsPartialNotADrop() {
    try (BedrockMetricsWriter w = new BedrockMetricsWriter(cloudWatch)) {
      for (int m = 0; m < 10; m++) {
        if (m == 3 || m == 4) {
          w.datum("InputTokenCount", "ModelId", SONNET_ID, minute(m).plusSeconds(30), 1000);
        } else {
          w.minute(SONNET_ID, minute(m), 1000, 500);
        }
      }
    }

    PeriodSeries ones =
        adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
            .read(List.of(SONNET), T0, minute(10), 60)
            .get(SONNET);
    PeriodSeries fives =
        adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
            .read(List.of(SONNET), T0, minute(10), 300)
            .get(SONNET);

    assertThat(ones.partial(3)).isTrue();
    assertThat(ones.partial(4)).isTrue();
    assertThat(ones.demandTps(3)).isNaN();
    assertThat(ones.partial(2) || ones.partial(5)).isFalse();
    assertThat(ones.silent(3)).isFalse();
    // At five minutes both metrics have datapoints in the first period: complete sums.
    assertThat(fives.partialCount()).isZero();
    assertThat(fives.tokens()).containsExactly(5 * 1000 + 3 * 500.0, 5 * 1500.0);
  }

  @Test
  void ptArnsAreEachASourceOfTheirOwn() {
    try (BedrockMetricsWriter w = new BedrockMetricsWriter(cloudWatch)) {
      w.minute(ARN, minute(0), 3000, 1000);
      w.minute(SONNET_ID, minute(0), 200, 100); // on-demand spill, complete
      w.minute(ARN, minute(1), 3000, 1000); // no on-demand traffic at all: not partial
      w.datum("InputTokenCount", "ModelId", ARN, minute(2).plusSeconds(30), 3000); // half
      w.minute(SONNET_ID, minute(2), 200, 100);
    }

    PeriodSeries s =
        adapter(MetricsTestConfigs.ptArnsSource(), k -> List.of(ARN))
            .read(List.of(SONNET), T0, minute(3), 60)
            .get(SONNET);

    assertThat(s.tokens(0)).isEqualTo(4300.0);
    assertThat(s.tokens(1)).isEqualTo(4000.0);
    assertThat(s.partial(1)).isFalse();
    assertThat(s.partial(2)).isTrue();
  }

  @Test
  void aCustomGaugeIsTokensPerSecondOverAnyPeriod() {
    try (BedrockMetricsWriter w = new BedrockMetricsWriter(cloudWatch).namespace("MangaAssist")) {
      for (int m = 0; m < 5; m++) {
        w.datum("TokensPerSecond", "Model", SONNET, minute(m), 100 + 10 * m);
      }
    }

    PeriodSeries s =
        adapter(MetricsTestConfigs.customSource(), k -> List.of())
            .read(List.of(SONNET), T0, minute(5), 300)
            .get(SONNET);

    assertThat(s.tokens()).containsExactly(120.0 * 300);
    assertThat(s.demandTps(0)).isEqualTo(120.0);
  }

  @Test
  void aWindowNotOnWholePeriodsIsRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                adapter(MetricsTestConfigs.modelIdSource(), k -> List.of())
                    .read(List.of(SONNET), minute(1), minute(11), 300))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole periods of 300 s");
    assertThat(calls.count("GetMetricData")).isZero();
  }

  private CloudWatchMetricsAdapter adapter(
      MetricsSource source, Function<String, ? extends Collection<String>> arns) {
    return new CloudWatchMetricsAdapter(cloudWatch, MetricsTestConfigs.config(source), arns);
  }

  static Instant minute(int m) {
    return T0.plusSeconds(60L * m);
  }
}
