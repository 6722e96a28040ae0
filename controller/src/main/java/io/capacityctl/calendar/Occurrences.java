package io.capacityctl.calendar;

import io.capacityctl.config.EventSpec;
import io.capacityctl.config.Recurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

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

  /**
   * Occurrences of a recurring {@code event} in force at some instant of [from, to), generated from
   * its times of day on each day it fires; {@code examined} counts the Quartz calls and the
   * occurrences looked at.
   */
  static List<EventOccurrence> overlapping(
      EventSpec event,
      Recurrence recurrence,
      Instant from,
      Instant to,
      ZoneRules rules,
      LongAdder examined) {
    List<EventOccurrence> result = new ArrayList<>();
    // In force over [start - leadTime, start + duration): starts in (from - duration, to + lead).
    // A day of margin on the local calendar covers any offset and the gap/overlap placement.
    LocalDateTime local = local(from.minus(event.duration()), rules).minusDays(1);
    LocalDateTime localEnd = local(to.plus(event.leadTime()), rules).plusDays(1);
    Recurrence.Days days = recurrence.days();
    int[] times = recurrence.secondsOfDay();
    int looked = 0;
    days:
    for (LocalDate d = days.next(local.toLocalDate());
        d != null && d.isBefore(localEnd.toLocalDate().plusDays(1));
        d = days.next(d.plusDays(1))) {
      for (int second : times) {
        LocalDateTime t = d.atStartOfDay().plusSeconds(second);
        if (!t.isAfter(local)) {
          continue;
        }
        if (!t.isBefore(localEnd)) {
          break days;
        }
        looked++;
        addIfOverlapping(result, occurrence(event, onTimeLine(t, rules)), from, to);
      }
    }
    examined.add(looked + days.calls());
    return result;
  }

  /** A one-off event's occurrence if it is in force at some instant of [from, to), or null. */
  static EventOccurrence oneOff(EventSpec event, Instant from, Instant to) {
    EventOccurrence o = occurrence(event, event.start().toInstant());
    return o.leadStart().isBefore(to) && o.end().isAfter(from) ? o : null;
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

  /**
   * Local times come in order and their instants never go back, so the only duplicate (two times in
   * one spring-forward gap, placed at the jump) is the previous one.
   */
  private static void addIfOverlapping(
      List<EventOccurrence> into, EventOccurrence o, Instant from, Instant to) {
    if (o.leadStart().isBefore(to)
        && o.end().isAfter(from)
        && (into.isEmpty() || !into.get(into.size() - 1).equals(o))) {
      into.add(o);
    }
  }

  private static LocalDateTime local(Instant t, ZoneRules rules) {
    return LocalDateTime.ofInstant(t, rules.getOffset(t));
  }
}
