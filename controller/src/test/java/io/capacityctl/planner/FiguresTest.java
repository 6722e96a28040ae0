package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Reason numbers read exactly as String.format writes them, in every locale's symbols. */
class FiguresTest {
  /** Plain, space, apostrophe, comma-decimal, Indian and non-Latin-digit locales. */
  private static final List<Locale> LOCALES =
      List.of(
          Locale.US,
          Locale.ROOT,
          Locale.ENGLISH,
          Locale.GERMANY,
          Locale.FRANCE,
          Locale.forLanguageTag("de-CH"),
          Locale.forLanguageTag("hi-IN"),
          Locale.forLanguageTag("ar-EG"),
          Locale.forLanguageTag("fa-IR"),
          Locale.forLanguageTag("th-TH-u-nu-thai"));

  /** Ties, values Double.toString shows shorter than their binary value, and extremes. */
  private static final double[] EDGES = {
    0,
    -0.0,
    0.5,
    1.5,
    2.5,
    -0.4,
    -2.5,
    0.005,
    1.005,
    2.675,
    0.125,
    999.5,
    1234.5,
    999_999.5,
    1_234_567.891,
    12_345_678.9,
    9_007_199_254_740_993.0,
    1e23,
    2e-7,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };

  @Test
  void edgesReadAsFormatterWritesThemInEveryLocale() {
    for (Locale l : LOCALES) {
      for (double v : EDGES) {
        for (int decimals = 0; decimals <= 2; decimals++) {
          assertSame(v, decimals, l);
        }
      }
    }
  }

  @Property(tries = 3000)
  void anyDoubleReadsAsFormatterWritesIt(
      @ForAll("doubles") double v, @ForAll("decimals") int decimals, @ForAll("locales") Locale l) {
    assertSame(v, decimals, l);
  }

  /**
   * Whole figures are rounded from the double itself, not from its decimal: the same on either side
   * of every half, up to where halves stop being doubles and beyond.
   */
  @Property(tries = 5000)
  void wholeFiguresRoundAsTheDecimalShownRoundsOnEitherSideOfAHalf(
      @ForAll("wholes") long n, @ForAll("steps") int step) {
    double v = n + 0.5;
    for (int i = 0; i < Math.abs(step); i++) {
      v = step > 0 ? Math.nextUp(v) : Math.nextDown(v);
    }
    for (double x : new double[] {v, -v, n, Math.nextDown((double) n)}) {
      assertThat(Figures.decimal(x, 0, false, Locale.US))
          .as("%%.0f of %s", x)
          .isEqualTo(String.format(Locale.US, "%.0f", x))
          .isEqualTo((x < 0 ? "-" : "") + Figures.shown(Math.abs(x), 0));
    }
  }

  @Provide
  Arbitrary<Long> wholes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100_000),
        Arbitraries.longs().between((1L << 52) - 3, (1L << 52) + 3),
        Arbitraries.longs().between(0, 1L << 53));
  }

  @Provide
  Arbitrary<Integer> steps() {
    return Arbitraries.integers().between(-3, 3);
  }

  @Test
  void defaultLocaleShorthandsMatchStringFormat() {
    for (double v : EDGES) {
      assertThat(Figures.grouped(v)).isEqualTo(String.format("%,.0f", v));
      assertThat(Figures.fixed(v, 0)).isEqualTo(String.format("%.0f", v));
      assertThat(Figures.fixed(v, 2)).isEqualTo(String.format("%.2f", v));
    }
    for (long v : new long[] {0, 7, -7, 1234567, Long.MIN_VALUE, Long.MAX_VALUE}) {
      assertThat(Figures.integer(v)).isEqualTo(String.format("%d", v));
    }
  }

  @Test
  void integersUseTheDefaultLocalesDigits() {
    Locale saved = Locale.getDefault(Locale.Category.FORMAT);
    try {
      for (Locale l : LOCALES) {
        Locale.setDefault(Locale.Category.FORMAT, l);
        for (long v : new long[] {0, 42, -42, 1234567, Long.MIN_VALUE}) {
          assertThat(Figures.integer(v)).as("%s %d", l, v).isEqualTo(String.format("%d", v));
        }
      }
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, saved);
    }
  }

  private static void assertSame(double v, int decimals, Locale l) {
    assertThat(Figures.decimal(v, decimals, true, l))
        .as("%s %%,.%df of %s", l, decimals, v)
        .isEqualTo(String.format(l, "%,." + decimals + "f", v));
    assertThat(Figures.decimal(v, decimals, false, l))
        .as("%s %%.%df of %s", l, decimals, v)
        .isEqualTo(String.format(l, "%." + decimals + "f", v));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1e6), // tokens/s and ratios, as reasons show them
        Arbitraries.doubles().between(-10, 10).ofScale(3), // ties at the last shown digit
        Arbitraries.longs().between(0, 1L << 62).map(Double::longBitsToDouble), // any positive
        Arbitraries.doubles());
  }

  @Provide
  Arbitrary<Integer> decimals() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(LOCALES);
  }
}
