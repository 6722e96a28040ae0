package io.capacityctl.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of capacityctl, in the configuration and on the command line alike: the
 * short form operators type ({@code 90m}, {@code 6h}, {@code 1h30m}, {@code 2d}, {@code 45s}) or
 * ISO-8601 ({@code PT6H}, {@code P1D}). Issue 18: the CLI took {@code 6h} where the file took only
 * {@code PT6H}.
 */
public final class Durations {
  /** What a duration looks like, for messages. */
  public static final String EXAMPLES = "6h, 90m, 1h30m, 2d or PT6H";

  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /**
   * Parses {@code text}; {@code 0} is zero.
   *
   * @throws IllegalArgumentException saying what a duration looks like, or that it is too long
   */
  public static Duration parse(String text) {
    String t = text.strip();
    Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    try {
      if (t.equals("0")) {
        return Duration.ZERO;
      }
      if (!t.isEmpty() && m.matches()) {
        return Duration.ofDays(part(m, 1))
            .plusHours(part(m, 2))
            .plusMinutes(part(m, 3))
            .plusSeconds(part(m, 4));
      }
      return Duration.parse(t);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected a duration such as " + EXAMPLES + ", got '" + text + "'");
    }
  }

  /** {@code d} in the short form: {@code 1h30m}, {@code 31d}, {@code 0}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    StringBuilder s = new StringBuilder();
    append(s, d.toDaysPart(), "d");
    append(s, d.toHoursPart(), "h");
    append(s, d.toMinutesPart(), "m");
    append(s, d.toSecondsPart(), "s");
    return s.length() == 0 ? d.toString() : s.toString(); // below a second: ISO
  }

  private static void append(StringBuilder s, long value, String unit) {
    if (value != 0) {
      s.append(value).append(unit);
    }
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
