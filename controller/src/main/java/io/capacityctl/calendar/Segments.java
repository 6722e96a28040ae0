package io.capacityctl.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * One model's event occurrences over a stretch of time, cut into segments where the same occurrence
 * gives the largest multiplier, so that a lookup is one binary search.
 */
final class Segments {
  /** Largest multiplier first; on a tie the earlier start, then the name, for a stable answer. */
  private static final Comparator<EventOccurrence> STRONGEST_FIRST =
      Comparator.comparingDouble((EventOccurrence o) -> -o.event().multiplier())
          .thenComparing(EventOccurrence::start)
          .thenComparing(o -> o.event().name());

  static final Segments EMPTY = new Segments(List.of(), new Instant[0], new EventOccurrence[0]);

  private final List<EventOccurrence> occurrences;
  private final Instant[] bounds;
  // strongest[i] is in force over [bounds[i], bounds[i + 1]); null where no event is.
  private final EventOccurrence[] strongest;

  private Segments(
      List<EventOccurrence> occurrences, Instant[] bounds, EventOccurrence[] strongest) {
    this.occurrences = occurrences;
    this.bounds = bounds;
    this.strongest = strongest;
  }

  static Segments of(List<EventOccurrence> occurrences) {
    if (occurrences.isEmpty()) {
      return EMPTY;
    }
    List<EventOccurrence> byLeadStart = new ArrayList<>(occurrences);
    byLeadStart.sort(Comparator.comparing(EventOccurrence::leadStart));
    TreeSet<Instant> edges = new TreeSet<>();
    for (EventOccurrence o : occurrences) {
      edges.add(o.leadStart());
      edges.add(o.end());
    }
    Instant[] bounds = edges.toArray(new Instant[0]);
    EventOccurrence[] strongest = new EventOccurrence[bounds.length];
    // Sweep: an occurrence joins at its leadStart; expired ones leave when they reach the top,
    // which is enough because only the top is read.
    PriorityQueue<EventOccurrence> active = new PriorityQueue<>(STRONGEST_FIRST);
    int next = 0;
    for (int i = 0; i < bounds.length; i++) {
      while (next < byLeadStart.size() && !byLeadStart.get(next).leadStart().isAfter(bounds[i])) {
        active.add(byLeadStart.get(next++));
      }
      while (!active.isEmpty() && !active.peek().end().isAfter(bounds[i])) {
        active.poll();
      }
      strongest[i] = active.peek();
    }
    List<EventOccurrence> byStart = new ArrayList<>(occurrences);
    byStart.sort(Comparator.comparing(EventOccurrence::start).thenComparing(o -> o.event().name()));
    return new Segments(List.copyOf(byStart), bounds, strongest);
  }

  /** The occurrence with the largest multiplier in force at {@code t}, or null. */
  EventOccurrence strongestAt(Instant t) {
    if (bounds.length == 0) {
      return null;
    }
    int i = Arrays.binarySearch(bounds, t);
    if (i < 0) {
      i = -i - 2; // the last bound before t
    }
    return i < 0 ? null : strongest[i];
  }

  /** All occurrences, sorted by start. */
  List<EventOccurrence> occurrences() {
    return occurrences;
  }
}
