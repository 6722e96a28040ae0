package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.backtest.StaticPeakPolicy;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Policy;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MangaAssist incident 2: peak capacity ran around the clock and sat 92% idle overnight. Under the
 * static peak the WasteRatio alarm's condition (over 0.5 for 2 hours) holds; under capacityctl the
 * overnight units go to 0 and the night costs a fraction.
 */
class OvernightWasteIncidentTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";

  /** 02:00 to 06:00 UTC, minutes 120 to 360 of the drill. */
  private static final int NIGHT = 120;

  private static final int MORNING = 360;

  private static final CapacityConfig CONFIG =
      TestConfig.sonnet(15)
          .clearSchedule()
          .window("{ from: \"02:00\", to: \"06:00\", units: { sonnet: 0 } }")
          .window("{ from: \"06:00\", to: \"02:00\", units: { sonnet: 15 } }")
          .build();

  /** Unit-hours billed overnight with {@code policy} in control; WasteRatio per minute kept. */
  private record Night(double unitHours, double[] waste, int[] billed) {}

  private static Night night(Policy policy) {
    Drill d =
        new Drill(CONFIG, Drill.trace(MORNING, "sonnet", m -> m >= NIGHT ? 200 : 8000), policy)
            .warmUp(NIGHT - 10);
    d.run(NIGHT - d.now());
    int[] billed = new int[MORNING - NIGHT];
    double unitMinutes = 0;
    for (int i = 0; i < billed.length; i++) {
      d.step();
      billed[i] = d.account.cloud().bedrock().billedUnits(SONNET);
      unitMinutes += billed[i];
    }
    double[] waste =
        d.account
            .telemetry()
            .perModel(
                "WasteRatio",
                List.of("sonnet"),
                new TimeRange(
                    Drill.START.plus(Duration.ofMinutes(NIGHT)),
                    Drill.START.plus(Duration.ofMinutes(MORNING))))
            .get("sonnet");
    return new Night(unitMinutes / 60, waste, billed);
  }

  @Test
  void staticPeakWastesTheNightAndCapacityctlTakesItToZero() {
    Night staticPeak = night(new StaticPeakPolicy(CONFIG));
    Night capacityctl =
        night(
            new io.capacityctl.planner.Planner(
                CONFIG, io.capacityctl.calendar.CapacityCalendar.of(CONFIG)));

    // Static peak: 15 units for 200 tps, 99% idle for 2 hours (passes read CloudWatch 2 minutes
    // late, so the night's first observation is at 02:02).
    for (int i = 2; i < 122; i++) {
      assertThat(staticPeak.waste()[i]).as("minute %d", NIGHT + i).isGreaterThan(0.5);
    }
    assertThat(staticPeak.unitHours()).isEqualTo(15 * 4.0);
    // capacityctl: 200 tps costs less on demand than a unit, so 0 units once the level of the last
    // provisioning time and level window (15 + 30 minutes) is night too: with no day of history,
    // no profile foresaw the fall, and a fall nothing foresaw may turn (spiky traffic falls between
    // its bursts); then the read lag (2) and the drain (2). With a profile, the stabilisation (10).
    int zero = 0;
    while (capacityctl.billed()[zero] > 0) {
      zero++;
    }
    assertThat(zero).isLessThanOrEqualTo(50);
    for (int i = zero; i < 180; i++) {
      assertThat(capacityctl.billed()[i]).as("minute %d", NIGHT + i).isZero();
    }
    double saved = (staticPeak.unitHours() - capacityctl.unitHours()) * 7.70;
    assertThat(saved).isGreaterThan(0.75 * 15 * 4 * 7.70);
  }
}
