package io.capacityctl.calendar;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything the calendar needs about one stretch of time [start, end), computed once: the zone's
 * UTC offsets (so no zone rules are consulted per lookup) and each model's event segments (so no
 * cron is evaluated per lookup).
 */
final class Chunk {
  final long startSecond;
  final long endSecond;
  // offsetSeconds[0] is in force from startSecond, offsetSeconds[k + 1] from changeSeconds[k].
  private final long[] changeSeconds;
  private final int[] offsetSeconds;
  private final Segments[] models;

  private Chunk(
      long startSecond, long endSecond, long[] changes, int[] offsets, Segments[] models) {
    this.startSecond = startSecond;
    this.endSecond = endSecond;
    this.changeSeconds = changes;
    this.offsetSeconds = offsets;
    this.models = models;
  }

  /**
   * Computes the chunk [startSecond, endSecond) for models in {@code modelKeys} order.
   *
   * @param events every event of the calendar (config and extra ones)
   * @param examined counts the occurrences looked at and the Quartz calls made
   */
  static Chunk build(
      long startSecond,
      long endSecond,
      ZoneRules rules,
      List<String> modelKeys,
      EventIndex events,
      LongAdder examined) {
    Instant from = Instant.ofEpochSecond(startSecond);
    Instant to = Instant.ofEpochSecond(endSecond);

    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      transitions.add(t);
    }
    long[] changes = new long[transitions.size()];
    int[] offsets = new int[transitions.size() + 1];
    offsets[0] = rules.getOffset(from).getTotalSeconds();
    for (int k = 0; k < changes.length; k++) {
      changes[k] = transitions.get(k).toEpochSecond();
      offsets[k + 1] = transitions.get(k).getOffsetAfter().getTotalSeconds();
    }

    List<List<EventOccurrence>> perModel = new ArrayList<>();
    modelKeys.forEach(m -> perModel.add(new ArrayList<>()));
    for (EventOccurrence o : events.overlapping(from, to, rules, examined)) {
      for (int m = 0; m < modelKeys.size(); m++) {
        if (o.event().affects(modelKeys.get(m))) {
          perModel.get(m).add(o);
        }
      }
    }
    Segments[] models = perModel.stream().map(Segments::of).toArray(Segments[]::new);
    return new Chunk(startSecond, endSecond, changes, offsets, models);
  }

  boolean contains(long epochSecond) {
    return epochSecond >= startSecond && epochSecond < endSecond;
  }

  /** The zone's UTC offset at {@code epochSecond}, which must lie in this chunk. */
  int offsetAt(long epochSecond) {
    int k = 0;
    while (k < changeSeconds.length && changeSeconds[k] <= epochSecond) {
      k++;
    }
    return offsetSeconds[k];
  }

  Segments model(int index) {
    return models[index];
  }
}
