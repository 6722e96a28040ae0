package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The headroom a throttle budget asks for: the smallest capacity above the level a provisioning
 * time earlier that would have throttled at most the budget's share of the last day's tokens, read
 * at the level now.
 */
class DeviationsTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final int DAY = 1440;
  private static final int LAG = 15;

  private static double[] flat(double tps) {
    double[] d = new double[DAY];
    Arrays.fill(d, tps);
    return d;
  }

  /** The headroom over a whole array read as the window. */
  private static double read(
      Deviations dv, Instant last, double[] window, double level, double budget) {
    return dv.headroom(last, window, 0, window.length, level, budget);
  }

  private static double headroom(double[] recent, double level, double budget) {
    return read(new Deviations(LAG), NOW, recent, level, budget);
  }

  @Test
  void aBudgetOfNothingHoldsForTheDaysLargestExcess() {
    double[] d = flat(1000);
    d[600] = 6000;

    assertThat(headroom(d, 1000, 0)).isCloseTo(5000, within(1e-6));
    assertThat(headroom(flat(1000), 1000, 0)).isZero();
  }

  @Test
  void aSpikeIsCoveredOnlyAsFarAsItsTokensOutweighTheBudget() {
    // A day at 1,000 tps with three minutes 5,000 above it: at 0.01 % the throttled tokens may be
    // 0.0001 x the day's tokens, so 3 (5000 - x) = that, exactly.
    double[] d = flat(1000);
    d[600] = d[601] = d[602] = 6000;
    double tokens = (DAY - LAG - DemandForecast.LEVEL_MINUTES) * 1000.0 + 3 * 5000;

    assertThat(headroom(d, 1000, 0.0001)).isCloseTo(5000 - 0.0001 * tokens / 3, within(1e-6));
    // One minute 100 above is 0.007 % of the tokens: within the budget, so nothing is held.
    double[] blip = flat(1000);
    blip[600] = 1100;
    assertThat(headroom(blip, 1000, 0.0001)).isZero();
    // A larger budget holds less for the same spike.
    assertThat(headroom(d, 1000, 0.001)).isLessThan(headroom(d, 1000, 0.0001));
  }

  @Test
  void aQuietNightsExcessIsNotAppliedToABusyDay() {
    // A day and a half at a flat 10,000 tps, then as long at about 200 straying 100 either way:
    // each level has been seen for more than a day, so each is read from its own minutes.
    int n = 3 * DAY;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = i < n / 2 ? 10_000 : (i % 2 == 0 ? 300 : 100);
    }

    assertThat(headroom(d, 10_000, 0.0001)).isCloseTo(0, within(1e-6));
    assertThat(headroom(d, 200, 0.0001)).isGreaterThan(90);
  }

  @Test
  void aSurgeIsExcessUntilTheLevelCatchesUpAProvisioningTimeLater() {
    // Demand steps from 1,000 to 3,000 and stays: until the level read a lag earlier has moved,
    // the minutes after the step outran it by 2,000 (what no purchase could have been timed for).
    double[] d = flat(1000);
    Arrays.fill(d, 700, DAY, 3000);

    assertThat(headroom(d, 1000, 0)).isCloseTo(2000, within(1e-6));
  }

  /** Three days of a daily wave with minute noise, a burst 4x in 50 and, if asked, a gap in 200. */
  private static double[] threeDays(Random random, boolean gaps) {
    double[] series = new double[3 * DAY];
    for (int i = 0; i < series.length; i++) {
      double base = 2000 + 1500 * Math.sin(i * 2 * Math.PI / DAY);
      series[i] = random.nextInt(50) == 0 ? base * 4 : base * (0.8 + 0.4 * random.nextDouble());
      if (gaps && random.nextInt(200) == 0) {
        series[i] = Double.NaN; // a gap
      }
    }
    return series;
  }

  @Test
  void measuringTheNewestMinutesGivesWhatMeasuringTheWholeWindowGives() {
    Random random = new Random(7);
    double[] series = threeDays(random, true);
    Deviations kept = new Deviations(LAG);
    int end = DAY;
    while (end < series.length) {
      double[] window = Arrays.copyOfRange(series, end - DAY, end);
      Instant last = NOW.plus(Duration.ofMinutes(end));
      double level = 2000 + random.nextInt(2000);
      for (double budget : new double[] {0, 0.0001, 0.01}) {
        assertThat(read(kept, last, window, level, budget))
            .as("window ending at %d, budget %s", end, budget)
            .isEqualTo(read(new Deviations(LAG), last, window, level, budget));
      }
      end += 1 + random.nextInt(3);
      if (random.nextInt(40) == 0) {
        series[end - 5] = series[end - 5] * 2; // a revised datapoint: measured whole again
      }
    }
  }

  @Test
  void manyMinutesMeasuredAtOnceAmongEqualExcessesGiveWhatFreshReadsGive() {
    // Whole tokens/s from a narrow range, so excesses repeat (0 and -0 among them), and windows
    // that jump on by more than an hour: the newest minutes are sorted together and merged into
    // those kept, and a fresh read sorts the whole window so; both must give what inserting every
    // minute one by one gives, up to rounding (equal excesses of different weights may be summed
    // in another order).
    Random random = new Random(5);
    double[] series = new double[3 * DAY];
    for (int i = 0; i < series.length; i++) {
      series[i] = random.nextInt(8) == 0 ? 0.0 : 1000 + 100 * random.nextInt(4);
      if (random.nextInt(300) == 0) {
        series[i] = -0.0;
      }
    }
    Deviations kept = new Deviations(LAG);
    Deviations oneByOne = new Deviations(LAG, 1, Integer.MAX_VALUE);
    for (int end = DAY; end <= series.length; end += 1 + random.nextInt(3) * 70) {
      Instant last = NOW.plus(Duration.ofMinutes(end));
      double level = 1000 + 100 * random.nextInt(4);
      double[] window = Arrays.copyOfRange(series, end - DAY, end);
      for (double budget : new double[] {0, 0.0001, 0.01}) {
        double inserted = read(oneByOne, last, window, level, budget);
        assertThat(read(kept, last, window, level, budget))
            .as("window ending at %d, budget %s", end, budget)
            .isCloseTo(inserted, within(1e-9));
        assertThat(read(new Deviations(LAG), last, window, level, budget))
            .as("fresh, window ending at %d, budget %s", end, budget)
            .isCloseTo(inserted, within(1e-9));
      }
    }
  }

  @Test
  void windowsMovingOnInOneBufferGiveWhatFreshReadsOfThemGive() {
    // The reconciler hands the planner spans of one buffer that is never written once read: the
    // memo takes the same minutes of the same buffer as unchanged without comparing them.
    Random random = new Random(9);
    double[] series = threeDays(random, false);
    Deviations kept = new Deviations(LAG);
    for (int end = DAY; end <= series.length; end += 1 + random.nextInt(3)) {
      Instant last = NOW.plus(Duration.ofMinutes(end));
      double level = 2000 + random.nextInt(2000);
      assertThat(kept.headroom(last, series, end - DAY, DAY, level, 0.0001))
          .as("window ending at %d", end)
          .isEqualTo(
              read(
                  new Deviations(LAG),
                  last,
                  Arrays.copyOfRange(series, end - DAY, end),
                  level,
                  0.0001));
    }
  }

  @Test
  void aValueNoDemandCanTakeIsNoEvidence() {
    // Infinite, negative, NaN and astronomically large datapoints, alone or in a row, are read
    // as gaps: the headroom is what the rest of the day says, and always a finite number.
    double[] d = flat(1000);
    d[600] = 6000;
    double clean = headroom(d, 1000, 0);
    double[] broken = d.clone();
    broken[300] = Double.POSITIVE_INFINITY;
    broken[301] = Double.POSITIVE_INFINITY;
    broken[700] = -5000;
    broken[800] = Double.NaN;
    broken[900] = 1e300;
    broken[901] = Double.MAX_VALUE;

    for (double budget : new double[] {0, 0.0001, 0.05}) {
      assertThat(headroom(broken, 1000, budget)).isFinite();
    }
    assertThat(headroom(broken, 1000, 0)).isCloseTo(clean, within(1e-6));
  }

  @Test
  void tooFewMinutesSayNothingAndSaySo() {
    // Traffic that began 40 minutes ago: too few minutes to read how far it strays.
    double[] d = new double[DAY];
    Arrays.fill(d, Double.NaN);
    for (int i = DAY - 40; i < DAY; i++) {
      d[i] = 1000 + 500 * (i % 2);
    }
    Deviations kept = new Deviations(LAG, 1000);

    assertThat(read(kept, NOW, d, 1000, 0)).isZero();
    assertThat(kept.readsTail()).isFalse();

    // Three hours later the minutes say how far it strays: 250 above the level (a median of 1,250)
    // every other minute. (A window is never written once read: a new one is a new array.)
    d = d.clone();
    for (int i = DAY - 220; i < DAY; i++) {
      d[i] = 1000 + 500 * (i % 2);
    }
    assertThat(read(kept, NOW, d, 1000, 0)).isCloseTo(250, within(1e-6));
    assertThat(kept.readsTail()).isTrue();
  }

  @Test
  void levelsBelowOneUnitAreOneLevel() {
    // Idle traffic (0-2 tps) with a burst to 50,000 tps over an hour at 50 tps: read apart (1 tps
    // resolution) the burst came at 25x the idle level and holds nothing for it; capacity comes a
    // unit (1,000 tps) at a time, so both levels are one, and the burst is held for at either.
    // Two days (the shortest window a pass reads), so the idle level has a day of its own.
    double[] d = new double[2 * DAY];
    for (int i = 0; i < d.length; i++) {
      d[i] = i % 3;
    }
    Arrays.fill(d, 500, 560, 50);
    Arrays.fill(d, 540, 545, 50_000);
    Deviations fine = new Deviations(LAG);
    Deviations units = new Deviations(LAG, 1000);

    assertThat(read(fine, NOW, d, 1, 0.0001)).isLessThan(100);
    assertThat(read(units, NOW, d, 1, 0.0001)).isGreaterThan(45_000);
  }

  @Test
  void aLevelSeenForLessThanADayBorrowsItsNeighboursExcess() {
    // Three days at 30,000 tps with a burst to 60,000 every 50th minute, then the traffic vanishes
    // to 100 tps. Two hours into the quiet, the quiet level has shown nothing yet: the busy days'
    // bursts stand in for the ones it has not shown (traffic that vanished returns in bursts).
    int busy = 3 * DAY;
    double[] twoHours = new double[busy + 120];
    for (int i = 0; i < twoHours.length; i++) {
      twoHours[i] = i >= busy ? 100 : i % 50 == 0 ? 60_000 : 30_000;
    }
    // (Levels below a unit, 1,000 tps, are one level: the planner's resolution.)
    assertThat(read(new Deviations(LAG, 1000), NOW, twoHours, 100, 0.0001)).isGreaterThan(25_000);

    // Two quiet days later the quiet level has been seen for long enough to be read alone.
    double[] twoDays = Arrays.copyOf(twoHours, busy + 2 * DAY);
    Arrays.fill(twoDays, busy, twoDays.length, 100);
    assertThat(read(new Deviations(LAG, 1000), NOW, twoDays, 100, 0.0001)).isZero();
  }
}
