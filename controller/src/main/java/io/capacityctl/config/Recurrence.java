package io.capacityctl.config;

import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * What a Quartz cron expression fires, a day at a time, on the local calendar (evaluated in UTC,
 * which has no clock changes; see {@code calendar.Occurrences} for placing local times on the time
 * line).
 *
 * <p>Quartz fires at every combination of its second, minute and hour values on every day its day
 * fields (day of month or week, month, year) accept, so a cron is its times of day, the same on
 * every day it fires, and the days it fires. The times of day are read from Quartz's own parse of
 * the expression ({@link CronExpression#getExpressionSummary()}) without enumerating anything, so a
 * cron firing every second is refused in constant time; days are found with one Quartz call per day
 * it fires. This is what bounds the calendar's work: occurrences are generated from the times of
 * day, never by asking Quartz for every firing (an every-minute cron made a 35-day chunk 50,400
 * Quartz calls, 19 s).
 *
 * <p>Immutable and thread-safe: each Quartz use compiles its own expression (CronExpression is not
 * thread-safe). Compiled recurrences are cached by expression.
 */
public final class Recurrence {
  private static final int SECONDS_PER_DAY = 86_400;

  /** How far ahead days are compared for the shortest gap: a leap year and three common ones. */
  private static final int GAP_HORIZON_DAYS = 4 * 366;

  private static final Map<String, Recurrence> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Recurrence> eldest) {
              return size() > 1024;
            }
          });

  private final String expression;
  private final int[] secondsOfDay;
  private final int timesPerDay;
  private final LocalDate firstDay;
  // The shortest gap in days between days it fires, once enumerated to the horizon (0: not yet;
  // Long.MAX_VALUE: it fires on one day only).
  private volatile long shortestDayGap;

  private Recurrence(String expression, int[] secondsOfDay, int timesPerDay, LocalDate firstDay) {
    this.expression = expression;
    this.secondsOfDay = secondsOfDay;
    this.timesPerDay = timesPerDay;
    this.firstDay = firstDay;
  }

  /**
   * Compiles {@code cron}.
   *
   * @throws IllegalArgumentException for bad syntax, a cron that never fires, or one that fires
   *     more than once a minute or more than {@value Limits#MAX_OCCURRENCES_PER_DAY} times a day,
   *     saying which
   */
  public static Recurrence of(String cron) {
    Recurrence cached = CACHE.get(cron);
    if (cached != null) {
      return cached;
    }
    Recurrence r = compile(cron);
    CACHE.put(cron, r);
    return r;
  }

  private static Recurrence compile(String cron) {
    CronExpression c = quartz(cron);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : c.getExpressionSummary().split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    int seconds = count(fields, "seconds", 60);
    int minutes = count(fields, "minutes", 60);
    int hours = count(fields, "hours", 24);
    if (seconds > 1) {
      throw new IllegalArgumentException(
          "'"
              + cron
              + "' recurs every "
              + Durations.format(Duration.ofSeconds(gapOf(values(fields, "seconds", 60))))
              + "; an event recurs at most once a minute (give one value in the seconds field)");
    }
    long perDay = (long) minutes * hours;
    if (perDay > Limits.MAX_OCCURRENCES_PER_DAY) {
      throw new IllegalArgumentException(
          "'"
              + cron
              + "' fires "
              + perDay
              + " times a day; the events of a calendar may fire at most "
              + Limits.MAX_OCCURRENCES_PER_DAY
              + " times a day together (once every 15 minutes): give a level that recurs more"
              + " often as a schedule window");
    }
    int second = values(fields, "seconds", 60)[0];
    int[] times = new int[(int) perDay];
    int k = 0;
    for (int h : values(fields, "hours", 24)) {
      for (int m : values(fields, "minutes", 60)) {
        times[k++] = h * 3600 + m * 60 + second;
      }
    }
    Arrays.sort(times);
    Date first = c.getNextValidTimeAfter(new Date(-1000));
    if (first == null) {
      throw new IllegalArgumentException("cron expression '" + cron + "' never fires");
    }
    LocalDateTime f = LocalDateTime.ofInstant(first.toInstant(), ZoneOffset.UTC);
    if (f.toLocalTime().toSecondOfDay() != times[0]) {
      // Quartz changed the summary this reading relies on: fail loudly rather than mis-plan.
      throw new IllegalStateException(
          "cron '" + cron + "' first fires at " + f + ", not at second " + times[0] + " of a day");
    }
    return new Recurrence(cron, times, (int) perDay, f.toLocalDate());
  }

  /** The expression, as written. */
  public String expression() {
    return expression;
  }

  /** How many times it fires on a day it fires. */
  public int timesPerDay() {
    return timesPerDay;
  }

  /** The seconds of the day it fires at on every day it fires, ascending. */
  public int[] secondsOfDay() {
    return secondsOfDay.clone();
  }

  /**
   * A time between two consecutive firings shorter than {@code d}, or null when there is none (days
   * are compared over four years from the first it fires on).
   */
  public Duration gapShorterThan(Duration d) {
    for (int i = 1; i < secondsOfDay.length; i++) {
      Duration g = Duration.ofSeconds(secondsOfDay[i] - secondsOfDay[i - 1]);
      if (g.compareTo(d) < 0) {
        return g;
      }
    }
    // From the last firing of a day to the first of the next day it fires: days * 86,400 - span.
    int span = secondsOfDay[secondsOfDay.length - 1] - secondsOfDay[0];
    if (Duration.ofSeconds(SECONDS_PER_DAY - span).compareTo(d) >= 0) {
      return null;
    }
    long below = Math.floorDiv(d.getSeconds() + span - 1, SECONDS_PER_DAY) + 1;
    long days = dayGapBelow(below);
    return days < 0 ? null : Duration.ofDays(days).minusSeconds(span);
  }

  /**
   * A gap between two consecutive days it fires on of fewer than {@code limit} days, or -1. Stops
   * at the first such gap (a daily cron answers at its second day); an enumeration that reaches the
   * horizon keeps the exact shortest gap for the next question.
   */
  private long dayGapBelow(long limit) {
    long known = shortestDayGap;
    if (known == 0) {
      CronExpression c = quartz(expression);
      LocalDate day = firstDay;
      LocalDate end = firstDay.plusDays(GAP_HORIZON_DAYS);
      long shortest = Long.MAX_VALUE;
      for (LocalDate next = nextDay(c, day.plusDays(1));
          next != null && next.isBefore(end);
          next = nextDay(c, next.plusDays(1))) {
        long gap = next.toEpochDay() - day.toEpochDay();
        if (gap < limit) {
          return gap;
        }
        shortest = Math.min(shortest, gap);
        day = next;
      }
      known = shortest;
      shortestDayGap = known;
    }
    return known < limit ? known : -1;
  }

  /**
   * The days it fires on at or after {@code from}, one Quartz call each. Not thread-safe: one per
   * thread.
   */
  public Days days() {
    return new Days(quartz(expression));
  }

  /** The days a recurrence fires on, for one thread. */
  public static final class Days {
    private final CronExpression cron;
    private long calls;

    private Days(CronExpression cron) {
      this.cron = cron;
    }

    /** The first day at or after {@code from} on which it fires, or null if none. */
    public LocalDate next(LocalDate from) {
      calls++;
      return nextDay(cron, from);
    }

    /** Quartz calls made so far. */
    public long calls() {
      return calls;
    }
  }

  private static LocalDate nextDay(CronExpression c, LocalDate from) {
    Date before = Date.from(from.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));
    Date next = c.getNextValidTimeAfter(before);
    return next == null
        ? null
        : LocalDateTime.ofInstant(next.toInstant(), ZoneOffset.UTC).toLocalDate();
  }

  private static CronExpression quartz(String cron) {
    try {
      CronExpression c = new CronExpression(cron);
      c.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
      return c;
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "bad cron expression '"
              + cron
              + "': "
              + e.getMessage()
              + " (Quartz syntax: sec min hour day-of-month month day-of-week [year],"
              + " e.g. '0 0 0 ? * MON')");
    }
  }

  private static int count(Map<String, String> fields, String field, int all) {
    return values(fields, field, all).length;
  }

  /** A time field's values as Quartz parsed them: {@code *} or a comma-separated list. */
  private static int[] values(Map<String, String> fields, String field, int all) {
    String v = fields.get(field);
    if (v == null) {
      throw new IllegalStateException("Quartz's summary has no " + field + " line");
    }
    if (v.equals("*")) {
      int[] every = new int[all];
      Arrays.setAll(every, i -> i);
      return every;
    }
    return Arrays.stream(v.split(","))
        .mapToInt(s -> Integer.parseInt(s.strip()))
        .sorted()
        .toArray();
  }

  /** The shortest gap between consecutive values of a sorted field, counting the wrap. */
  private static int gapOf(int[] sorted) {
    int gap = sorted.length == 1 ? 60 : Integer.MAX_VALUE;
    for (int i = 1; i < sorted.length; i++) {
      gap = Math.min(gap, sorted[i] - sorted[i - 1]);
    }
    return gap;
  }
}
