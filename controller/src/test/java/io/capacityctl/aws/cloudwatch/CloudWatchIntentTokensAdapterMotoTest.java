package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.config.IntentsConfig;
import io.capacityctl.testing.CallCounter;
import io.capacityctl.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** Tokens per request per intent read from a custom metric in moto, all intents in one call. */
class CloudWatchIntentTokensAdapterMotoTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final IntentsConfig.Metric METRIC =
      new IntentsConfig.Metric("MangaAssist", "TokensPerIntent", "Intent");

  private CloudWatchClient cloudWatch;
  private CallCounter calls;

  @BeforeEach
  void clients() {
    calls = new CallCounter();
    cloudWatch = MOTO.clients().withInterceptor(calls).build(CloudWatchClient.builder());
  }

  @Test
  void averagesEachIntentOverTheWindowInOneCallAndLeavesUnobservedIntentsOut() {
    // taste-profile: three requests in two minutes. Per request the mean is 3200; a mean of the
    // minutes' means would say 3300.
    put("taste-profile", 1, 3000);
    put("taste-profile", 1, 3000);
    put("taste-profile", 7, 3600);
    put("recommendation", 3, 520);
    put("recommendation", 14, 560);
    put("recommendation", 20, 9999); // after the window

    Map<String, Double> read =
        new CloudWatchIntentTokensAdapter(cloudWatch, METRIC)
            .tokensPerRequest(
                List.of("taste-profile", "recommendation", "chapter-qa"),
                T0,
                T0.plusSeconds(15 * 60));

    assertThat(calls.count("GetMetricData")).isEqualTo(1);
    assertThat(read).containsOnlyKeys("taste-profile", "recommendation");
    assertThat(read.get("taste-profile")).isCloseTo(3200.0, within(1e-9));
    assertThat(read.get("recommendation")).isCloseTo(540.0, within(1e-9));
  }

  @Test
  void noIntentsIsNoCall() {
    assertThat(
            new CloudWatchIntentTokensAdapter(cloudWatch, METRIC)
                .tokensPerRequest(List.of(), T0, T0.plusSeconds(900)))
        .isEmpty();
    assertThat(calls.count("GetMetricData")).isZero();
  }

  private void put(String intent, int minute, double tokens) {
    cloudWatch.putMetricData(
        r ->
            r.namespace(METRIC.namespace())
                .metricData(
                    MetricDatum.builder()
                        .metricName(METRIC.name())
                        .dimensions(
                            Dimension.builder().name(METRIC.dimension()).value(intent).build())
                        .timestamp(T0.plusSeconds(60L * minute + 10))
                        .value(tokens)
                        .build()));
  }
}
