package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.TimeRange;
import io.capacityctl.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** The controller's own metrics come back per model and minute, averaged, missing as NaN. */
class CloudWatchPublishedMetricsMotoTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  @Test
  void readsEachModelsMinutesAveragedWithGapsAsNaN() {
    CloudWatchClient cw = MOTO.clients().build(CloudWatchClient.builder());
    put(cw, "InServiceUnits", "sonnet", T0, 4);
    put(cw, "InServiceUnits", "sonnet", T0.plusSeconds(30), 6); // two passes in one minute
    put(cw, "InServiceUnits", "sonnet", T0.plusSeconds(120), 8); // minute 1 has none
    put(cw, "InServiceUnits", "haiku", T0.plusSeconds(60), 3);
    put(cw, "TargetUnits", "sonnet", T0, 99); // another metric

    Map<String, double[]> read =
        new CloudWatchPublishedMetrics(cw, "capacityctl")
            .perModel(
                "InServiceUnits",
                List.of("sonnet", "haiku"),
                new TimeRange(T0, T0.plus(Duration.ofMinutes(3))));

    assertThat(read.get("sonnet")).containsExactly(5.0, Double.NaN, 8.0);
    assertThat(read.get("haiku")).containsExactly(Double.NaN, 3.0, Double.NaN);
  }

  private static void put(CloudWatchClient cw, String metric, String model, Instant at, double v) {
    cw.putMetricData(
        r ->
            r.namespace("capacityctl")
                .metricData(
                    MetricDatum.builder()
                        .metricName(metric)
                        .dimensions(Dimension.builder().name("Model").value(model).build())
                        .timestamp(at)
                        .value(v)
                        .build()));
  }
}
