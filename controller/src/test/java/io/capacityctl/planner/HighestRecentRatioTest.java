package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sliding window gives what a median per window gives, gaps and profiles included. */
class HighestRecentRatioTest {
  @Test
  void theSlidWindowGivesTheHighestOfTheWindowsMedians() {
    Random random = new Random(3);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(250);
      double[] m = new double[n];
      double[] profile = random.nextBoolean() ? null : new double[n];
      for (int i = 0; i < n; i++) {
        m[i] = random.nextInt(8) == 0 ? Double.NaN : random.nextInt(1000);
        if (profile != null) {
          profile[i] = random.nextInt(10) == 0 ? 0.5 : 1 + random.nextInt(50);
        }
      }
      int minutes = 1 + random.nextInt(60);

      double naive = 0;
      for (int k = 1; k <= minutes && n - k - DemandForecast.LEVEL_MINUTES >= 0; k++) {
        double r =
            DemandForecast.medianRatio(
                m.clone(), profile, n - k - DemandForecast.LEVEL_MINUTES, n - k);
        if (r > naive) {
          naive = r;
        }
      }
      assertThat(DemandForecast.highestRecentRatio(m, profile, minutes))
          .as("trial %d", trial)
          .isEqualTo(naive);
    }
  }
}
