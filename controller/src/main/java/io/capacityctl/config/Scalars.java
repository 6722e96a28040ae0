package io.capacityctl.config;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Readers for scalar values. They parse the raw text as written, so YAML 1.1 never turns {@code
 * 02:00} into a number of seconds or {@code NO} into false.
 */
final class Scalars {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  private static final List<String> DAY_NAMES =
      Arrays.stream(DayOfWeek.values()).map(d -> d.name().substring(0, 3)).toList();

  private Scalars() {}

  /**
   * A scalar reader. {@code parse} returns null when the text is not of the expected form (the
   * message then says what was expected) or throws IllegalArgumentException with a specific one.
   */
  static <T> Reader<T> scalar(String expected, T placeholder, Function<String, T> parse) {
    return (node, problems) -> {
      if (!node.isScalar() || node.scalar() == null) {
        problems.at(node, "expected " + expected + ", got " + Reader.shapeOf(node));
        return placeholder;
      }
      try {
        T value = parse.apply(node.scalar());
        if (value != null) {
          return value;
        }
        problems.at(node, "expected " + expected + ", got " + Reader.shapeOf(node));
      } catch (IllegalArgumentException e) {
        problems.at(node, e.getMessage());
      }
      return placeholder;
    };
  }

  static Reader<String> text() {
    return scalar("text", "", s -> s.isBlank() ? null : s);
  }

  /** A name that becomes part of AWS resource names and metric dimensions. */
  static Reader<String> identifier() {
    return scalar(
        "a name of letters, digits, '-' and '_' (at most 32, starting with a letter or digit)",
        "",
        s -> IDENTIFIER.matcher(s).matches() ? s : null);
  }

  static Reader<Double> number() {
    return scalar("a number", 0.0, Scalars::parseNumber);
  }

  /** A decimal number in the file's notation, or null (no NaN, Infinity, hex or suffixes). */
  static Double parseNumber(String s) {
    return NUMBER.matcher(s).matches() ? Double.valueOf(s) : null;
  }

  static Reader<Integer> integer() {
    return scalar(
        "a whole number", 0, s -> INTEGER.matcher(s).matches() ? Integer.valueOf(s) : null);
  }

  static Reader<Double> positive() {
    return number().where(v -> v > 0, "> 0");
  }

  static Reader<Double> nonNegative() {
    return number().where(v -> v >= 0, ">= 0");
  }

  /** A share that must leave something: (0, 1]. */
  static Reader<Double> fraction() {
    return number().where(v -> v > 0 && v <= 1, "in (0, 1]");
  }

  /** A share that may be nothing: [0, 1]. */
  static Reader<Double> share() {
    return number().where(v -> v >= 0 && v <= 1, "in [0, 1]");
  }

  static Reader<Integer> count(int min) {
    return integer().where(v -> v >= min, ">= " + min);
  }

  static Reader<Duration> duration() {
    return scalar(
        "an ISO-8601 duration such as PT15M",
        Duration.ZERO,
        s -> {
          try {
            return Duration.parse(s);
          } catch (DateTimeException e) {
            return null;
          }
        });
  }

  static Reader<Duration> positiveDuration() {
    return duration().where(d -> d.compareTo(Duration.ZERO) > 0, "a positive duration");
  }

  static Reader<Duration> nonNegativeDuration() {
    return duration().where(d -> !d.isNegative(), "a duration >= PT0S");
  }

  static Reader<LocalTime> timeOfDay() {
    return scalar(
        "a time of day HH:mm between 00:00 and 23:59",
        LocalTime.MIDNIGHT,
        s -> TIME_OF_DAY.matcher(s).matches() ? LocalTime.parse(s) : null);
  }

  /** An IANA region zone: a fixed offset would ignore daylight saving the place observes. */
  static Reader<ZoneId> zone() {
    return scalar(
        "an IANA time zone such as Asia/Tokyo",
        ZoneOffset.UTC,
        s -> {
          ZoneId zone;
          try {
            zone = ZoneId.of(s);
          } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                "unknown time zone '"
                    + s
                    + "'"
                    + Suggestions.hint(s, ZoneId.getAvailableZoneIds())
                    + "; expected an IANA time zone such as Asia/Tokyo");
          }
          if (zone instanceof ZoneOffset) {
            throw new IllegalArgumentException(
                "'" + s + "' is a fixed offset; name an IANA time zone such as Asia/Tokyo");
          }
          return zone;
        });
  }

  static Reader<OffsetDateTime> dateTime() {
    return scalar(
        "an ISO-8601 date-time with offset such as 2027-01-11T00:00:00+09:00",
        OffsetDateTime.MIN,
        s -> {
          try {
            return OffsetDateTime.parse(s);
          } catch (DateTimeException e) {
            return null;
          }
        });
  }

  static Reader<DayOfWeek> dayOfWeek() {
    return scalar(
        "a day " + DAY_NAMES,
        DayOfWeek.MONDAY,
        s -> {
          int i = DAY_NAMES.indexOf(s.toUpperCase(Locale.ROOT));
          if (i < 0) {
            throw new IllegalArgumentException(
                "unknown day '"
                    + s
                    + "'"
                    + Suggestions.hint(s, DAY_NAMES)
                    + "; expected one of "
                    + DAY_NAMES);
          }
          return DayOfWeek.values()[i];
        });
  }

  static Reader<String> oneOf(List<String> allowed) {
    return scalar(
        "one of " + allowed,
        allowed.get(0),
        s -> {
          if (!allowed.contains(s)) {
            throw new IllegalArgumentException(
                "'" + s + "' is not one of " + allowed + Suggestions.hint(s, allowed));
          }
          return s;
        });
  }

  /** A Quartz cron expression, kept as text; it must parse and fire at least once. */
  static Reader<String> cron() {
    return scalar(
        "a Quartz cron expression",
        "",
        s -> {
          CronExpression cron;
          try {
            cron = new CronExpression(s);
          } catch (ParseException e) {
            throw new IllegalArgumentException(
                "bad cron expression '"
                    + s
                    + "': "
                    + e.getMessage()
                    + " (Quartz syntax: sec min hour day-of-month month day-of-week [year],"
                    + " e.g. '0 0 0 ? * MON')");
          }
          cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
          if (cron.getNextValidTimeAfter(new Date(0)) == null) {
            throw new IllegalArgumentException("cron expression '" + s + "' never fires");
          }
          return s;
        });
  }
}
