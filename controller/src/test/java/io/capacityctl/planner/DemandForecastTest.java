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
    DemandForecast f = DemandForecast.of(thisWeekAt(1.25).build(), HORIZON, 180);

    double[] week = lastWeek();
    assertThat(f.at(1)).isCloseTo(1.25 * week[N], within(1e-6));
    assertThat(f.at(HORIZON)).isCloseTo(1.25 * week[N - 1 + HORIZON], within(1e-6));
    assertThat(f.at(HORIZON)).isGreaterThan(f.level()); // the ramp continues
    assertThat(f.basis()).isEqualTo("week-ago profile x1.25");
    assertThat(f.burstHeadroom()).isCloseTo(0, within(1e-6));
  }

  @Test
  void isFlatAtTheRecentLevelWithoutHistory() {
    // The level is a 30-minute median: 16 recent minutes at 9000 carry it.
    History demand = History.flat(NOW, 7000).newest(16, 9000);

    DemandForecast f = DemandForecast.of(demand.build(), HORIZON, 180);

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

    DemandForecast f = DemandForecast.of(demand.build(), HORIZON, 180);

    assertThat(f.at(HORIZON)).isEqualTo(8000);
    assertThat(f.basis()).isEqualTo("recent level");
  }

  @Test
  void keepsHowFarDemandRoseAboveTheFitAsBurstHeadroom() {
    History demand = History.flat(NOW, 5000).span(90, 3, 8000);

    DemandForecast f = DemandForecast.of(demand.build(), HORIZON, 180);

    assertThat(f.burstHeadroom()).isEqualTo(3000);
    assertThat(DemandForecast.of(demand.build(), HORIZON, 60).burstHeadroom()).isZero();
  }

  @Test
  void isNullWhenTheRecentWindowIsAllMissing() {
    assertThat(DemandForecast.of(History.missing(NOW).build(), HORIZON, 180)).isNull();
  }

  @Test
  void skipsMissingMinutesInTheRecentLevel() {
    History demand = History.flat(NOW, 4000).missingNewest(2);

    assertThat(DemandForecast.of(demand.build(), HORIZON, 180).level()).isEqualTo(4000);
  }

  @Test
  void remembersAShortBurstForTheWholeRecentWindow() {
    // Ten minutes at +4500 tps ten hours ago: long out of the trailing fit's memory.
    History demand = History.flat(NOW, 1500).span(600, 10, 6000);

    DemandForecast f = DemandForecast.of(demand.build(), HORIZON, 150);

    assertThat(f.recurringBursts()).isCloseTo(4500, within(1e-6));
    assertThat(f.burstHeadroom()).isZero();
    assertThat(f.level()).isEqualTo(1500);
  }

  @Test
  void twoBurstsCloseTogetherMoveTheLevelOnlyWhereNoBurstsRecur() {
    // Twenty of the newest thirty minutes are in two bursts: a 30-minute median reads 6000.
    History twoNow = History.flat(NOW, 1500).span(18, 10, 6000).span(3, 10, 6000);
    History afterEarlierBursts = History.flat(NOW, 1500).span(600, 10, 6000);
    afterEarlierBursts.span(18, 10, 6000).span(3, 10, 6000);

    assertThat(DemandForecast.of(twoNow.build(), HORIZON, 150).level()).isEqualTo(6000);
    assertThat(DemandForecast.of(afterEarlierBursts.build(), HORIZON, 150).level()).isEqualTo(1500);
  }

  @Test
  void takesTheLargestOfSeveralBursts() {
    History demand =
        History.flat(NOW, 1500).span(900, 10, 4000).span(500, 8, 6500).span(200, 12, 5000);

    assertThat(DemandForecast.of(demand.build(), HORIZON, 150).recurringBursts())
        .isCloseTo(5000, within(1e-6));
  }

  @Test
  void aStepARampOrAPlateauIsNoBurst() {
    // A release: up at once and staying there; a business morning: a ramp; a two-hour webinar.
    History step = History.flat(NOW, 5000).newest(300, 15_000);
    History stepDown = History.flat(NOW, 15_000).newest(300, 5000);
    History plateau = History.flat(NOW, 5000).span(400, 120, 10_000);
    History ramp = History.flat(NOW, 2000);
    for (int back = 0; back < 600; back++) {
      ramp.span(back, 1, 2000 + 30.0 * (600 - back));
    }

    for (History h : new History[] {step, stepDown, plateau, ramp}) {
      assertThat(DemandForecast.of(h.build(), HORIZON, 150).recurringBursts()).isZero();
    }
  }

  @Test
  void minuteNoiseIsNoBurst() {
    // +-8% minute to minute, in a fixed pattern: far from a quarter above the demand around it.
    History demand = History.flat(NOW, 10_000);
    for (int back = 0; back < History.MINUTES; back++) {
      demand.span(back, 1, 10_000 * (1 + 0.08 * Math.sin(back * 2.3)));
    }

    assertThat(DemandForecast.of(demand.build(), HORIZON, 150).recurringBursts()).isZero();
  }

  @Test
  void aGapInTheDataIsNoBurst() {
    History demand = History.flat(NOW, 1500).span(600, 60, Double.NaN).span(628, 5, 6000);

    assertThat(DemandForecast.of(demand.build(), HORIZON, 150).recurringBursts()).isZero();
  }

  /** A level with normal noise of {@code sigma} tps a minute, plus {@code slope} tps a minute. */
  private static History noisy(double level, double sigma, double slope) {
    java.util.Random rnd = new java.util.Random(3);
    History demand = History.flat(NOW, level);
    for (int back = 0; back < N; back++) {
      demand.span(back, 1, level - slope * back + sigma * rnd.nextGaussian());
    }
    return demand;
  }

  @Test
  void coversFourAndAHalfSigmaOfMinuteNoiseAtLeast() {
    DemandForecast f = DemandForecast.of(noisy(40_000, 1200, 0).build(), HORIZON, 150);

    assertThat(f.noiseHeadroom()).isCloseTo(4.5 * 1200, within(0.15 * 4.5 * 1200));
    assertThat(f.noiseHeadroom()).isGreaterThan(f.burstHeadroom()); // the rises of a few hours
  }

  @Test
  void noiseIsMeasuredApartFromARampAndABurst() {
    double flat = DemandForecast.noise(noisy(40_000, 1200, 0).build().recent());
    double ramp =
        DemandForecast.noise(noisy(40_000, 1200, 40).span(30, 10, 60_000).build().recent());

    assertThat(flat).isCloseTo(1200, within(180.0));
    assertThat(ramp).isCloseTo(flat, within(0.1 * flat));
    assertThat(DemandForecast.noise(History.flat(NOW, 5000).build().recent())).isZero();
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
