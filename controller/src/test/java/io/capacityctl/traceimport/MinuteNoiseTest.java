package io.capacityctl.traceimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated minute noise has the documented structure: mean 1, the amplitude the model gives
 * for the level, and the measured lag-1 and lag-2 autocorrelations, on every seed.
 */
class MinuteNoiseTest {
  private static final int MINUTES = 200_000;

  static double[] relative(double level, long seed) {
    double[] levels = new double[MINUTES];
    Arrays.fill(levels, level);
    double[] noisy = new MinuteNoise(1, seed).apply(levels);
    double[] r = new double[MINUTES];
    for (int i = 0; i < MINUTES; i++) {
      r[i] = noisy[i] / level;
    }
    return r;
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }

  static double cv(double[] x) {
    double m = mean(x);
    return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length) / m;
  }

  static double acf(double[] x, int lag) {
    double m = mean(x);
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      den += (x[i] - m) * (x[i] - m);
      if (i + lag < x.length) {
        num += (x[i] - m) * (x[i + lag] - m);
      }
    }
    return num / den;
  }

  @ParameterizedTest(name = "{0} tokens/s, seed {1}")
  @CsvSource({"5250, 1", "5250, 2", "1000, 3", "21000, 4", "84000, 5", "84000, 6"})
  void hasTheDocumentedAmplitudeAndAutocorrelationAtEachLevel(double level, long seed) {
    double[] r = relative(level, seed);
    double expected =
        MinuteNoise.REFERENCE_CV
            * Math.sqrt(MinuteNoise.REFERENCE_TPS / Math.max(level, MinuteNoise.REFERENCE_TPS));

    assertThat(mean(r)).as("mean factor").isCloseTo(1, within(0.02));
    assertThat(cv(r)).as("coefficient of variation").isCloseTo(expected, within(0.05 * expected));
    // The cube transform bends the autocorrelation a little at the largest amplitude.
    assertThat(acf(r, 1)).as("lag 1").isCloseTo(MinuteNoise.LAG1, within(0.03));
    assertThat(acf(r, 2)).as("lag 2").isCloseTo(MinuteNoise.LAG2, within(0.03));
    assertThat(Arrays.stream(r).min().orElseThrow()).as("never negative").isGreaterThanOrEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 5000})
  void theSameSeedGivesTheSameMinutesAndScaleZeroGivesNone(long seed) {
    double[] levels = {1000, 20000, 0, 50000, 7};
    assertThat(new MinuteNoise(1, seed).apply(levels))
        .containsExactly(new MinuteNoise(1, seed).apply(levels));
    assertThat(new MinuteNoise(1, seed).apply(levels))
        .isNotEqualTo(new MinuteNoise(1, seed + 1).apply(levels));
    assertThat(new MinuteNoise(0, seed).apply(levels)).containsExactly(levels);
    assertThat(new MinuteNoise(1, seed).apply(levels)[2]).as("no traffic stays none").isZero();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 2})
  void theScaleMultipliesTheAmplitude(double scale) {
    double[] levels = new double[MINUTES];
    Arrays.fill(levels, 84000);
    double[] noisy = new MinuteNoise(scale, 9).apply(levels);
    double expected = scale * new MinuteNoise(1, 9).amplitudeAt(84000);
    assertThat(cv(noisy)).isCloseTo(expected, within(0.05 * expected));
  }
}
