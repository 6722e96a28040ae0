package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.config.ScheduleCoverage;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a config's schedule and event calendar at instants: which window is in force, which
 * events are in force or due, and the resulting expectation per model. Pure and fast: the planner
 * asks it many times per pass and the simulator runs 40,000 passes.
 *
 * <p>Windows are local times in the config's zone: a local time skipped by a spring-forward change
 * does not occur, and the repeated autumn hour falls in the same window twice. Cron events follow
 * the rules in {@link Occurrences}.
 *
 * <p>A lookup costs a minute-of-week array read and a binary search: event occurrences and UTC
 * offsets are computed once per {@value #CHUNK_DAYS}-day chunk and cached. Thread-safe: the cache
 * is a concurrent map of immutable chunks.
 */
public final class CapacityCalendar {
  static final int CHUNK_DAYS = 35;
  private static final long CHUNK_SECONDS = CHUNK_DAYS * 86_400L;
  // A long-lived calendar queried over years keeps a bounded cache.
  private static final int MAX_CACHED_CHUNKS = 64;
  // 1970-01-01 was a Thursday: epoch minute 0 is minute 3 * 1440 of a Monday-based week.
  private static final long EPOCH_MINUTE_OF_WEEK = 3L * ScheduleCoverage.MINUTES_PER_DAY;
  private static final long WEEK = ScheduleCoverage.MINUTES_PER_WEEK;

  private final CapacityConfig config;
  private final WeekIndex week;
  private final List<EventSpec> events;
  private final ZoneRules rules;
  private final Map<Long, Chunk> chunks = new ConcurrentHashMap<>();
  private volatile Chunk recent;
  // The last withExtraEvents answer: callers that pass the same extra events every pass (the
  // planner, the simulator) reuse its cached chunks instead of evaluating cron again.
  private volatile CapacityCalendar lastWithExtra;
  private volatile List<EventSpec> lastExtra;

  private CapacityCalendar(CapacityConfig config, WeekIndex week, List<EventSpec> events) {
    events.forEach(Occurrences::validate);
    this.config = config;
    this.week = week;
    this.events = List.copyOf(events);
    this.rules = config.timezone().getRules();
  }

  /** Compiles the config's schedule and events (cron expressions, window index). */
  public static CapacityCalendar of(CapacityConfig config) {
    return new CapacityCalendar(config, new WeekIndex(config), config.events());
  }

  /**
   * This calendar with extra events (added by operators) merged in. Cheap to call every pass: the
   * schedule index is shared and the same extra events give back the same calendar.
   *
   * @throws IllegalArgumentException for an event with neither or both of cron and start, or a bad
   *     cron expression
   */
  public CapacityCalendar withExtraEvents(List<EventSpec> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    CapacityCalendar cached = lastWithExtra;
    if (cached != null && extra.equals(lastExtra)) {
      return cached;
    }
    List<EventSpec> all = new ArrayList<>(events);
    all.addAll(extra);
    CapacityCalendar merged = new CapacityCalendar(config, week, all);
    lastExtra = List.copyOf(extra);
    lastWithExtra = merged;
    return merged;
  }

  /** The window value for {@code model} at {@code t} times the largest multiplier in force. */
  public Expectation expected(String model, Instant t) {
    int m = week.indexOf(model);
    long second = t.getEpochSecond();
    Chunk chunk = chunkAt(second);
    long localMinute = Math.floorDiv(second + chunk.offsetAt(second), 60);
    int w = week.windowByMinute[(int) Math.floorMod(localMinute + EPOCH_MINUTE_OF_WEEK, WEEK)];
    EventOccurrence event = chunk.model(m).strongestAt(t);
    double multiplier = event == null ? 1.0 : event.event().multiplier();
    return new Expectation(
        week.windows[w],
        week.units[m][w] * multiplier,
        week.tps[m][w] * multiplier,
        multiplier,
        event);
  }

  /**
   * Occurrences affecting {@code model} that are in force at some instant of [from, to), i.e. whose
   * [leadStart, end) overlaps it, sorted by start.
   */
  public List<EventOccurrence> occurrences(String model, Instant from, Instant to) {
    int m = week.indexOf(model);
    Set<EventOccurrence> found = new LinkedHashSet<>();
    if (from.isBefore(to)) {
      long last = Math.floorDiv(to.minusNanos(1).getEpochSecond(), CHUNK_SECONDS);
      for (long c = Math.floorDiv(from.getEpochSecond(), CHUNK_SECONDS); c <= last; c++) {
        for (EventOccurrence o : chunk(c).model(m).occurrences()) {
          if (o.leadStart().isBefore(to) && o.end().isAfter(from)) {
            found.add(o);
          }
        }
      }
    }
    List<EventOccurrence> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing(EventOccurrence::start).thenComparing(o -> o.event().name()));
    return sorted;
  }

  private Chunk chunkAt(long epochSecond) {
    Chunk c = recent;
    if (c == null || !c.contains(epochSecond)) {
      c = chunk(Math.floorDiv(epochSecond, CHUNK_SECONDS));
      recent = c;
    }
    return c;
  }

  private Chunk chunk(long index) {
    if (chunks.size() >= MAX_CACHED_CHUNKS) {
      chunks.clear();
    }
    return chunks.computeIfAbsent(
        index,
        i ->
            Chunk.build(
                i * CHUNK_SECONDS, (i + 1) * CHUNK_SECONDS, rules, config.modelKeys(), events));
  }
}
