package io.capacityctl.config;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Readers for scalar values. They parse the raw text as written, so YAML 1.1 never turns {@code
 * 02:00} into a number of seconds or {@code NO} into false.
 */
final class Scalars {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
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

  /** Any text that is not blank and has no control character (it is shown and logged). */
  static Reader<String> text() {
    return scalar(
        "text",
        "",
        s -> {
          if (s.isBlank()) {
            return null;
          }
          Texts.requirePrintable(s);
          return s;
        });
  }

  /** Text people write (an event name, a reason): see {@link Texts#problemWith}. */
  static Reader<String> freeText(String expected, int maxChars) {
    return scalar(
        expected,
        "",
        s -> {
          String problem = Texts.problemWith(s, maxChars);
          if (problem != null) {
            throw new IllegalArgumentException(problem);
          }
          return s;
        });
  }

  /**
   * A name that must obey {@code rule} (one of {@link AwsNames}), which returns what is wrong or
   * null.
   */
  static Reader<String> name(String expected, Function<String, String> rule) {
    return scalar(
        expected,
        "",
        s -> {
          String problem = rule.apply(s);
          if (problem != null) {
            throw new IllegalArgumentException(problem + ", got '" + s + "'");
          }
          return s;
        });
  }

  /**
   * The configuration's name (also of {@code aws.adoptFrom}'s old names): see {@link
   * AwsNames#configName}.
   */
  static Reader<String> configName() {
    return name("a name of letters, digits and '-'", AwsNames::configName);
  }

  /** A number in the file's notation within {@code range}. */
  static Reader<Double> number(Range<Double> range) {
    return scalar("a number", 0.0, Scalars::parseNumber).where(range::contains, "in " + range);
  }

  /**
   * A decimal number in the file's notation, or null (no NaN, Infinity, hex or suffixes). A number
   * beyond a double's range comes back infinite, and so outside every {@link Range}.
   */
  static Double parseNumber(String s) {
    return NUMBER.matcher(s).matches() ? Double.valueOf(s) : null;
  }

  /**
   * A whole number within {@code range}; one too large for an int is out of range, not "no number".
   */
  static Reader<Integer> whole(Range<Long> range) {
    return scalar(
        "a whole number",
        0,
        s -> {
          if (!INTEGER.matcher(s).matches()) {
            return null;
          }
          BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
          if (v.bitLength() >= 63 || !range.contains(v.longValue())) {
            throw new IllegalArgumentException("must be in " + range + ", got " + s);
          }
          return v.intValue();
        });
  }

  /** A duration in the one syntax of {@link Durations}, within {@code range}. */
  static Reader<Duration> duration(Range<Duration> range) {
    return scalar(
        "a duration such as " + Durations.EXAMPLES,
        Duration.ZERO,
        s -> {
          Duration d = Durations.parse(s);
          if (!range.contains(d)) {
            throw new IllegalArgumentException("must be in " + range + ", got " + s);
          }
          return d;
        });
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

  /**
   * A Quartz cron expression, kept as text: it must parse, fire, and fire at most once a minute and
   * {@value Limits#MAX_OCCURRENCES_PER_DAY} times a day (see {@link Recurrence}).
   */
  static Reader<String> cron() {
    return scalar(
        "a Quartz cron expression",
        "",
        s -> {
          Recurrence.of(s);
          return s;
        });
  }
}
