package io.capacityctl.calendar;

import io.capacityctl.config.EventSpec;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The occurrences of one event near a span of time.
 *
 * <p>Cron events fire at local wall-clock times. Quartz given the real zone drops an occurrence
 * whose local time falls in the spring-forward gap (a 02:30 event never fires on 2026-03-08 in
 * America/New_York) and takes the later of the repeated autumn hour. A lost release event means
 * throttled readers, so the cron is evaluated on the local calendar (Quartz in UTC, which has no
 * transitions) and each local time is placed on the time line here: a time in the gap happens when
 * the clocks jump (02:30 becomes 03:00 local, the first instant not before it), a repeated time
 * happens the first time the clock shows it (capacity early rather than late).
 */
final class Occurrences {
  private Occurrences() {}

  /** Fails fast on an event no chunk could evaluate. */
  static void validate(EventSpec event) {
    if ((event.cron() == null) == (event.start() == null)) {
      throw new IllegalArgumentException(
          "event '" + event.name() + "' needs exactly one of cron or start");
    }
    if (event.cron() != null) {
      compile(event.cron());
    }
  }

  /** Occurrences of {@code event} in force at some instant of [from, to). */
  static List<EventOccurrence> overlapping(
      EventSpec event, Instant from, Instant to, ZoneRules rules) {
    List<EventOccurrence> result = new ArrayList<>();
    if (event.start() != null) {
      addIfOverlapping(result, occurrence(event, event.start().toInstant()), from, to);
      return result;
    }
    // In force over [start - leadTime, start + duration): starts in (from - duration, to + lead).
    // A day of margin on the local calendar covers any offset and the gap/overlap placement.
    LocalDateTime local = local(from.minus(event.duration()), rules).minusDays(1);
    LocalDateTime localEnd = local(to.plus(event.leadTime()), rules).plusDays(1);
    CronExpression cron = compile(event.cron()); // per call: CronExpression is not thread-safe
    while (true) {
      Date next = cron.getNextValidTimeAfter(Date.from(local.toInstant(ZoneOffset.UTC)));
      if (next == null) {
        break;
      }
      local = LocalDateTime.ofInstant(next.toInstant(), ZoneOffset.UTC);
      if (!local.isBefore(localEnd)) {
        break;
      }
      addIfOverlapping(result, occurrence(event, onTimeLine(local, rules)), from, to);
    }
    return result;
  }

  /** Where a local wall-clock time happens; see the class comment for the DST rules. */
  static Instant onTimeLine(LocalDateTime local, ZoneRules rules) {
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    // Outside transitions there is one valid offset; in an overlap the first is the earlier one.
    return local.toInstant(rules.getValidOffsets(local).get(0));
  }

  private static EventOccurrence occurrence(EventSpec event, Instant start) {
    return new EventOccurrence(
        event, start.minus(event.leadTime()), start, start.plus(event.duration()));
  }

  private static void addIfOverlapping(
      List<EventOccurrence> into, EventOccurrence o, Instant from, Instant to) {
    if (o.leadStart().isBefore(to) && o.end().isAfter(from) && !into.contains(o)) {
      into.add(o);
    }
  }

  private static LocalDateTime local(Instant t, ZoneRules rules) {
    return LocalDateTime.ofInstant(t, rules.getOffset(t));
  }

  private static CronExpression compile(String cron) {
    try {
      CronExpression expression = new CronExpression(cron);
      expression.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
      return expression;
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad cron expression '" + cron + "': " + e.getMessage());
    }
  }
}
