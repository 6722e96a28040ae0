package io.capacityctl.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers for reasons, written exactly as {@link String#format} writes {@code %d}, {@code %.Nf} and
 * {@code %,.Nf} in the default format locale, without {@link java.util.Formatter}: the planner
 * writes its reasons every pass, and Formatter parses the pattern and looks the locale's symbols up
 * again on every call (a large share of a simulated month's time).
 */
public final class Figures {
  private static volatile Symbols cached;

  private Figures() {}

  /** A throttle budget as users write it, in percent: {@code 0.01 %}, {@code 0 %}. */
  public static String budget(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  /** As {@code String.format("%d", v)}. */
  static String integer(long v) {
    String digits = Long.toString(v);
    return v < 0
        ? localize(digits.substring(1), true, false, symbols(defaultLocale()))
        : localize(digits, false, false, symbols(defaultLocale()));
  }

  /** As {@code String.format("%,.0f", v)}: rounded, with the locale's thousands separators. */
  static String grouped(double v) {
    return decimal(v, 0, true, defaultLocale());
  }

  /** As {@code String.format("%." + decimals + "f", v)}. */
  static String fixed(double v, int decimals) {
    return decimal(v, decimals, false, defaultLocale());
  }

  /** As {@code String.format(locale, group ? "%,.Nf" : "%.Nf", v)} with N = {@code decimals}. */
  static String decimal(double v, int decimals, boolean group, Locale locale) {
    Symbols s = symbols(locale);
    if (!Double.isFinite(v) || s.groupingUnknown()) {
      return String.format(locale, "%" + (group ? "," : "") + "." + decimals + "f", v);
    }
    // Formatter's contract: the decimal Double.toString shows, rounded half up; a minus for any
    // value below zero (-0.0 too), then the magnitude.
    double a = Math.abs(v);
    String digits =
        decimals == 0 && a < WHOLE_HALVES_EXACT ? Long.toString(halfUp(a)) : shown(a, decimals);
    return localize(digits, Double.compare(v, 0.0) < 0, group, s);
  }

  /** Below this, every whole number and every whole number and a half is a double. */
  private static final double WHOLE_HALVES_EXACT = 0x1p52;

  /**
   * {@code a} rounded half up to a whole number: what rounding the decimal Double.toString shows of
   * it gives, without writing it (grouped figures, written every pass). That decimal reads back as
   * {@code a}, so it lies among the reals nearest {@code a}; n + 0.5 and n, being doubles
   * themselves (below 2^52), are not among those unless {@code a} is one of them: the decimal is on
   * the same side of each as {@code a}.
   */
  private static long halfUp(double a) {
    double whole = Math.floor(a);
    return (long) whole + (a - whole >= 0.5 ? 1 : 0); // a - whole is exact
  }

  /** The decimal Double.toString shows of {@code a}, rounded half up to {@code decimals}. */
  static String shown(double a, int decimals) {
    return new BigDecimal(Double.toString(a))
        .setScale(decimals, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** Formatter's localisation of a magnitude: digits from the locale's zero, its separators. */
  private static String localize(String digits, boolean negative, boolean group, Symbols s) {
    StringBuilder sb = new StringBuilder(digits.length() + 8);
    if (negative) {
      sb.append('-');
    }
    int len = digits.length();
    int dot = digits.indexOf('.');
    if (dot < 0) {
      dot = len;
    }
    char sep = group ? s.group() : '\0';
    for (int j = 0; j < len; j++) {
      if (j == dot) {
        sb.append(s.decimal());
        sep = '\0';
        continue;
      }
      sb.append((char) (digits.charAt(j) - '0' + s.zero()));
      if (sep != '\0' && j != dot - 1 && (dot - j) % s.groupSize() == 1) {
        sb.append(sep);
      }
    }
    return sb.toString();
  }

  private static Locale defaultLocale() {
    return Locale.getDefault(Locale.Category.FORMAT);
  }

  private static Symbols symbols(Locale locale) {
    Symbols s = cached;
    if (s == null || !s.locale().equals(locale)) {
      s = Symbols.of(locale);
      cached = s;
    }
    return s;
  }

  /**
   * A locale's symbols as Formatter reads them (Java 17): US fixed, others from {@link
   * DecimalFormatSymbols} and the grouping of the locale's number pattern; {@code groupingUnknown}
   * when that pattern is no {@link DecimalFormat} (Formatter then goes its own way: defer to it).
   */
  private record Symbols(
      Locale locale, char zero, char decimal, char group, int groupSize, boolean groupingUnknown) {

    static Symbols of(Locale l) {
      if (l.equals(Locale.US)) {
        return new Symbols(l, '0', '.', ',', 3, false);
      }
      DecimalFormatSymbols dfs = DecimalFormatSymbols.getInstance(l);
      if (!(NumberFormat.getNumberInstance(l) instanceof DecimalFormat df)) {
        return new Symbols(l, dfs.getZeroDigit(), dfs.getDecimalSeparator(), '\0', 0, true);
      }
      boolean grouping = df.isGroupingUsed() && df.getGroupingSize() != 0;
      return new Symbols(
          l,
          dfs.getZeroDigit(),
          dfs.getDecimalSeparator(),
          grouping ? dfs.getGroupingSeparator() : '\0',
          df.getGroupingSize(),
          false);
    }
  }
}
