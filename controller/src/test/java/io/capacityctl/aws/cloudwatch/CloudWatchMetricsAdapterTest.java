package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Argument checks that fail before any AWS call (the client is never used). */
class CloudWatchMetricsAdapterTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private final CloudWatchMetricsAdapter adapter =
      new CloudWatchMetricsAdapter(
          unusedClient(),
          MetricsTestConfigs.config(MetricsTestConfigs.modelIdSource()),
          k -> List.of());

  @Test
  void rejectsARangeNotOnWholeMinutes() {
    TimeRange ragged = new TimeRange(T0.plusSeconds(30), T0.plusSeconds(330));

    assertThatThrownBy(() -> adapter.read(List.of("sonnet"), List.of(ragged)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole minutes");
  }

  @Test
  void rejectsAnEmptyRange() {
    assertThatThrownBy(() -> adapter.read(List.of("sonnet"), List.of(new TimeRange(T0, T0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noRangesMeansNoSeriesAndNoCall() {
    assertThat(adapter.read(List.of("sonnet"), List.of())).containsEntry("sonnet", List.of());
  }

  /** A client whose every call fails, proving the cases above never reach AWS. */
  private static CloudWatchClient unusedClient() {
    return new CloudWatchClient() {
      @Override
      public String serviceName() {
        return "cloudwatch";
      }

      @Override
      public void close() {}
    };
  }
}
