package io.capacityctl.waste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.telemetry.InMemoryTelemetrySink;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.SimAccounts.Running;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WasteReporterTest {
  /** 19:00 JST. */
  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void wasteIsTheIdleShareOfUnitsAndMissingDataIsLeftOutNotZero() {
    CapacityConfig c = SimAccounts.mangaAssist(); // sonnet: 1,000 tps per unit, $7.70 per hour
    double nan = Double.NaN;
    MetricsApi traffic =
        (keys, ranges) ->
            Map.of(
                "sonnet",
                List.of(series(6000 * 60, nan, 100, nan)),
                "haiku",
                List.of(series(nan, nan, nan, nan)));
    PublishedMetricsApi units =
        (metric, keys, range) ->
            Map.of(
                "sonnet", new double[] {10, 10, nan, 0},
                "haiku", new double[] {nan, nan, nan, nan});

    WasteReport r =
        new WasteReporter(c, traffic, units, new InMemoryTelemetrySink(), new FakeClock(T0))
            .report(T0, T0.plus(Duration.ofMinutes(4)));

    ModelWaste sonnet = r.models().get("sonnet");
    HourlyWaste h19 = sonnet.hours().get(19);
    assertThat(h19.minutes()).isEqualTo(2); // minute 0 and the zero-unit minute 3
    assertThat(h19.unitHours()).isCloseTo(10.0 / 60, within(1e-9));
    assertThat(h19.wasteRatio()).isCloseTo(0.4, within(1e-9));
    assertThat(h19.wastedUsd()).isCloseTo(10 * 7.70 / 60 * 0.4, within(1e-9));
    assertThat(sonnet.unobservedMinutes()).isEqualTo(2);
    assertThat(sonnet.hours().get(18).minutes()).isZero();
    assertThat(r.models().get("haiku").unobservedMinutes()).isEqualTo(4);
    assertThat(r.wastedUsd()).isCloseTo(10 * 7.70 / 60 * 0.4, within(1e-9));
  }

  @Test
  void anOverProvisionedHourShowsUpInTheWeeklyReportFromTheControllersOwnMetrics() {
    Running run = SimAccounts.running("daemon:test"); // 17:00 to 17:30 JST
    SimAccount a = run.account();
    // To 21:00: by 20:00 the controller has read enough of its own traffic to size to it (before,
    // it holds the schedule).
    a.run(run.reconciler(), 210);
    Instant now = a.clock().instant();
    a.state()
        .putOverride(
            new CapacityOverride(
                "sonnet", 40, false, now, now.plus(Duration.ofHours(3)), "load test", "tester"));
    a.run(run.reconciler(), 120); // to 23:00; the 40 units serve from about 21:15

    WasteReport r =
        new WasteReporter(a.config(), a.cloud().metrics(), a.telemetry(), a.telemetry(), a.clock())
            .lastWeek();

    HourlyWaste h20 = r.models().get("sonnet").hours().get(20);
    HourlyWaste h22 = r.models().get("sonnet").hours().get(22);
    assertThat(r.to()).isEqualTo(a.clock().instant());
    assertThat(h20.minutes()).isEqualTo(60);
    assertThat(h22.minutes()).isEqualTo(60);
    assertThat(h22.unitHours()).isCloseTo(40, within(0.5));
    assertThat(h20.wasteRatio()).isLessThan(0.3);
    assertThat(h22.wasteRatio()).isGreaterThan(0.6);
    assertThat(h22.wastedUsd()).isCloseTo(40 * 7.70 * h22.wasteRatio(), within(5.0));
    assertThat(a.telemetry().latest("WeeklyWastedUsd", Map.of("Model", "sonnet")))
        .hasValue(r.models().get("sonnet").total().wastedUsd());
  }

  private static MinuteSeries series(double... tokens) {
    double[] inv = new double[tokens.length];
    return new MinuteSeries(T0, tokens, inv, new double[tokens.length]);
  }
}
