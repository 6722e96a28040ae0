package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan for datapoints beyond anything plausible, kept from pass to pass, finds in each pass's
 * window what a fresh scan finds: a suspect minute is named while the window holds it and not once
 * it has left, across windows moving on, new buffers and revised datapoints.
 */
class SuspectMinutesScanTest {
  private static final int N = 1440;

  @Test
  void windowsMovingOnFindWhatAFreshScanFinds() {
    ModelConfig m = TestConfig.sonnet(15).build().model("sonnet"); // at most 65,000 tps served
    Random random = new Random(13);
    double[] series = new double[6 * N];
    for (int i = 0; i < series.length; i++) {
      series[i] = 19_000 + random.nextInt(2000);
      if (random.nextInt(3000) == 0) {
        series[i] = 1_000_000; // an absurd datapoint: about two a day
      }
    }
    SuspectMinutes.Scan kept = new SuspectMinutes.Scan();
    int named = 0;
    int clean = 0;
    for (MovingWindows.Window w :
        MovingWindows.over(series, Instant.parse("2027-01-04T00:00:00Z"), N, random)) {
      DemandHistory h =
          new DemandHistory(w.lastMinute(), w.buffer(), w.from(), w.n(), null, null, 180);
      SuspectMinutes fresh = SuspectMinutes.of(h, m);
      SuspectMinutes memo = SuspectMinutes.of(h, m, kept);
      if (fresh == null) {
        assertThat(memo).as("window ending %s", w.lastMinute()).isNull();
        clean++;
      } else {
        assertThat(memo.describe())
            .as("window ending %s", w.lastMinute())
            .isEqualTo(fresh.describe());
        assertThat(memo.history().recent()).isEqualTo(fresh.history().recent());
        named++;
      }
    }
    assertThat(named).as("windows holding a suspect").isPositive();
    assertThat(clean).as("windows holding none").isPositive();
  }
}
