package io.capacityctl.calendar;

import io.capacityctl.config.EventSpec;
import io.capacityctl.config.Limits;
import io.capacityctl.config.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A calendar's events, indexed so that a stretch of time looks only at what can reach it: recurring
 * events through their times of day and the days they fire ({@link Recurrence}), one-off events by
 * a binary search on their start. With the limits events are validated against, the work for a
 * stretch is bounded whatever the calendar holds (10,000 one-off events cost 0.5 s a lookup when
 * every chunk looked at each of them).
 */
final class EventIndex {
  // A one-off event starting before from - MAX_DURATION has ended by from; one starting at or
  // after to + MAX_LEAD is not led into before to.
  private static final Duration MAX_DURATION = Limits.EVENT_DURATION.max();
  private static final Duration MAX_LEAD = Limits.LEAD_TIME.max();

  private record Recurring(EventSpec event, Recurrence recurrence) {}

  private final List<Recurring> recurring = new ArrayList<>();
  private final EventSpec[] oneOffs;
  private final long[] oneOffStarts;

  /** Events that passed {@code EventRules}. */
  EventIndex(List<EventSpec> events) {
    List<EventSpec> once = new ArrayList<>();
    for (EventSpec e : events) {
      if (e.cron() != null) {
        recurring.add(new Recurring(e, Recurrence.of(e.cron())));
      } else {
        once.add(e);
      }
    }
    once.sort(Comparator.comparing(e -> e.start().toInstant()));
    oneOffs = once.toArray(new EventSpec[0]);
    oneOffStarts = once.stream().mapToLong(e -> e.start().toEpochSecond()).toArray();
  }

  /**
   * Every occurrence in force at some instant of [from, to), in the order of the events' lists;
   * {@code examined} counts the work (Quartz calls and occurrences looked at).
   */
  List<EventOccurrence> overlapping(Instant from, Instant to, ZoneRules rules, LongAdder examined) {
    List<EventOccurrence> out = new ArrayList<>();
    for (Recurring r : recurring) {
      out.addAll(Occurrences.overlapping(r.event(), r.recurrence(), from, to, rules, examined));
    }
    int first = firstStartingAtOrAfter(from.minus(MAX_DURATION).getEpochSecond());
    long last = to.plus(MAX_LEAD).getEpochSecond();
    int looked = 0;
    for (int i = first; i < oneOffs.length && oneOffStarts[i] < last; i++) {
      looked++;
      EventOccurrence o = Occurrences.oneOff(oneOffs[i], from, to);
      if (o != null) {
        out.add(o);
      }
    }
    examined.add(looked);
    return out;
  }

  private int firstStartingAtOrAfter(long second) {
    int i = Arrays.binarySearch(oneOffStarts, second);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && oneOffStarts[i - 1] == second) {
      i--;
    }
    return i;
  }
}
