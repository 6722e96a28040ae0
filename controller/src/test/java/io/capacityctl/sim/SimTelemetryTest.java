package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.TimeRange;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimTelemetryTest {
  static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  @Test
  void flushedValuesAreReadBackPerMinuteAndModel() {
    FakeClock clock = new FakeClock(T0);
    SimTelemetry t = new SimTelemetry(clock);
    t.put("InServiceUnits", 4, "Count", Map.of("Model", "sonnet"));
    t.put("InServiceUnits", 2, "Count", Map.of("Model", "haiku"));
    t.put("Healthy", 1, "None", Map.of());
    t.flush();
    clock.advance(Duration.ofSeconds(30));
    t.put("InServiceUnits", 6, "Count", Map.of("Model", "sonnet"));
    t.flush();
    clock.advance(Duration.ofMinutes(2));
    t.put("InServiceUnits", 9, "Count", Map.of("Model", "sonnet"));
    t.put("InServiceUnits", 1, "Count", Map.of("Model", "haiku")); // never flushed

    Map<String, double[]> read =
        t.perModel(
            "InServiceUnits",
            List.of("sonnet", "haiku"),
            new TimeRange(T0, T0.plus(Duration.ofMinutes(3))));

    assertThat(read.get("sonnet")).containsExactly(5.0, Double.NaN, Double.NaN);
    assertThat(read.get("haiku")).containsExactly(2.0, Double.NaN, Double.NaN);
    assertThat(t.latest("Healthy", Map.of())).hasValue(1.0);
    assertThat(t.latest("InServiceUnits", Map.of("Model", "sonnet"))).hasValue(6.0);
  }

  @Test
  void keepsFifteenDaysLikeCloudWatchOneMinuteData() {
    FakeClock clock = new FakeClock(T0);
    SimTelemetry t = new SimTelemetry(clock);
    t.put("InServiceUnits", 4, "Count", Map.of("Model", "sonnet"));
    t.flush();
    clock.advance(Duration.ofDays(16));
    t.flush();

    double[] read =
        t.perModel("InServiceUnits", List.of("sonnet"), new TimeRange(T0, T0.plusSeconds(60)))
            .get("sonnet");

    assertThat(read).containsExactly(Double.NaN);
  }
}
