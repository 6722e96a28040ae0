package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.testing.History;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The short-horizon forecast: a week-ago shape at today's level, else today's level held flat. */
class DemandForecastTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final int N = History.MINUTES;
  private static final int HORIZON = 20;

  /**
   * Last week's demand around the same minutes: an evening ramp, 40 tps more every minute. It
   * reaches past the horizon by the smoothing window, as the planner reads it.
   */
  private static double[] lastWeek() {
    double[] p = new double[N + HORIZON + DemandForecast.SMOOTH_MINUTES];
    for (int i = 0; i < p.length; i++) {
      p[i] = 5000 + 40 * i;
    }
    return p;
  }

  private static History thisWeekAt(double scale) {
    double[] week = lastWeek();
    History h = History.flat(NOW, 0).weekAgo(week);
    for (int back = 0; back < N; back++) {
      h.span(back, 1, scale * week[N - 1 - back]);
    }
    return h;
  }

  @Test
  void followsTheWeekAgoProfileScaledToTheRecentLevel() {
    DemandForecast f = DemandForecast.of(thisWeekAt(1.25).build(), HORIZON, 0.0001);

    double[] week = lastWeek();
    assertThat(f.at(1)).isCloseTo(1.25 * week[N], within(1e-6));
    assertThat(f.at(HORIZON)).isCloseTo(1.25 * week[N - 1 + HORIZON], within(1e-6));
    assertThat(f.at(HORIZON)).isGreaterThan(f.level()); // the ramp continues
    assertThat(f.basis()).isEqualTo("week-ago profile x1.25");
  }

  @Test
  void isFlatAtTheRecentLevelWithoutHistory() {
    // The level is a 30-minute median: 16 recent minutes at 9000 carry it.
    History demand = History.flat(NOW, 7000).newest(16, 9000);

    DemandForecast f = DemandForecast.of(demand.build(), HORIZON, 0.0001);

    assertThat(f.level()).isEqualTo(9000);
    for (int tau = 1; tau <= HORIZON; tau++) {
      assertThat(f.at(tau)).isEqualTo(9000);
    }
    assertThat(f.basis()).isEqualTo("recent level");
  }

  @Test
  void ignoresAWeekAgoProfileThatDoesNotFitTheRecentPast() {
    // Last week ramped up; this week is flat: following last week's shape would overbuy.
    History demand = History.flat(NOW, 8000).weekAgo(lastWeek());

    DemandForecast f = DemandForecast.of(demand.build(), HORIZON, 0.0001);

    assertThat(f.at(HORIZON)).isEqualTo(8000);
    assertThat(f.basis()).isEqualTo("recent level");
  }

  @Test
  void isNullWhenTheRecentWindowIsAllMissing() {
    assertThat(DemandForecast.of(History.missing(NOW).build(), HORIZON, 0.0001)).isNull();
  }

  @Test
  void skipsMissingMinutesInTheRecentLevel() {
    History demand = History.flat(NOW, 4000).missingNewest(2);

    assertThat(DemandForecast.of(demand.build(), HORIZON, 0.0001).level()).isEqualTo(4000);
  }

  @Test
  void theMedianIsWhatSortingGives() {
    java.util.Random rnd = new java.util.Random(9);
    for (int trial = 0; trial < 2000; trial++) {
      int k = 1 + rnd.nextInt(200);
      double[] v = new double[k + rnd.nextInt(5)]; // values past k are not the median's
      for (int i = 0; i < v.length; i++) {
        // Few distinct values in some trials: ties, runs, sorted and reversed stretches.
        v[i] = trial % 3 == 0 ? rnd.nextInt(4) : trial % 3 == 1 ? i % 7 - i : rnd.nextGaussian();
      }
      double[] sorted = java.util.Arrays.copyOf(v, k);
      java.util.Arrays.sort(sorted);
      double expected = k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;

      assertThat(DemandForecast.median(v.clone(), k))
          .as("k=%d trial %d", k, trial)
          .isEqualTo(expected);
    }
  }
}
