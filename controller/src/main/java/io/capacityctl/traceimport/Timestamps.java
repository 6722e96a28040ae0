package io.capacityctl.traceimport;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The timestamps an imported series may carry, read in order:
 *
 * <ul>
 *   <li>ISO-8601 with an offset or {@code Z} ({@code 2015-02-26T21:42:53Z}, {@code 2015-02-26
 *       21:42:53+01:00}): the instant it says;
 *   <li>naive local time ({@code 2015-02-26 21:42:53}): local to {@code --zone}, DST-correct. In
 *       the autumn's repeated hour a time takes the earlier (summer) offset unless that would not
 *       be later than the row before it, so a complete series reads through the repeated hour in
 *       order; a time in the spring's skipped hour cannot have been recorded by a clock in that
 *       zone and is refused;
 *   <li>epoch seconds ({@code 1424987000}, fractions allowed; 13 digits or more: milliseconds).
 * </ul>
 */
final class Timestamps {
  private static final Pattern EPOCH = Pattern.compile("\\d{1,16}(\\.\\d+)?");
  private static final Pattern HAS_OFFSET = Pattern.compile(".*(Z|[+-]\\d\\d(:?\\d\\d)?)$");

  private final ZoneId zone;
  private Instant previous;

  /**
   * @param zone where naive local times are; null refuses them
   */
  Timestamps(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * A local timestamp with no {@code --zone}: a property of the whole file, not of one row, so the
   * reader names it once instead of once per line.
   */
  static final class NoZone extends IllegalArgumentException {
    NoZone(String message) {
      super(message);
    }
  }

  /** The instant of one cell; throws with a message fit to follow the line number. */
  Instant parse(String s) {
    Instant t = parseAlone(s.strip());
    previous = t;
    return t;
  }

  private Instant parseAlone(String s) {
    if (EPOCH.matcher(s).matches()) {
      double v = Double.parseDouble(s);
      // A millisecond count of today has 13 digits; epoch seconds reach 13 digits in year 5138.
      double seconds = s.indexOf('.') < 0 && s.length() >= 13 ? v / 1000 : v;
      return Instant.ofEpochSecond(0, Math.round(seconds * 1e9));
    }
    String iso =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    try {
      if (HAS_OFFSET.matcher(iso).matches() && iso.indexOf('T') > 0) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      LocalDateTime local = LocalDateTime.parse(iso);
      if (zone == null) {
        throw new NoZone(
            "'"
                + s
                + "' has no offset: say which zone it is local to with --zone (e.g. --zone UTC)");
      }
      return inZone(s, local);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'"
              + s
              + "' is not a timestamp: use ISO-8601 (2015-02-26T21:42:53Z, 2015-02-26 21:42:53"
              + " with --zone) or epoch seconds");
    }
  }

  private Instant inZone(String s, LocalDateTime local) {
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = zone.getRules().getTransition(local);
      throw new IllegalArgumentException(
          "'"
              + s
              + "' does not exist in "
              + zone
              + ": clocks moved from "
              + gap.getDateTimeBefore().toLocalTime()
              + " to "
              + gap.getDateTimeAfter().toLocalTime()
              + " on "
              + gap.getDateTimeBefore().toLocalDate());
    }
    Instant earlier = local.toInstant(offsets.get(0));
    if (offsets.size() == 2 && previous != null && !earlier.isAfter(previous)) {
      return local.toInstant(offsets.get(1));
    }
    return earlier;
  }
}
