package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.EventRules;
import io.capacityctl.config.EventSpec;
import io.capacityctl.config.Limits;
import io.capacityctl.config.ScheduleCoverage;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
 *
 * <p>The work of a chunk is bounded whatever the calendar holds, by the limits every event is held
 * to ({@link EventRules}, the configuration's own rules): at most {@value Limits#MAX_EVENTS}
 * events, recurring ones firing at most {@value Limits#MAX_OCCURRENCES_PER_DAY} times a day
 * together, each at most once a minute and never more often than it lasts. Building a chunk then
 * examines at most {@link #EXAMINED_PER_CHUNK} occurrences and Quartz calls ({@link EventIndex});
 * {@link #occurrencesExamined()} counts them, so tests assert the bound rather than a time. (A cron
 * firing every second made one lookup take 15 minutes.)
 */
public final class CapacityCalendar {
  static final int CHUNK_DAYS = 35;
  private static final long CHUNK_SECONDS = CHUNK_DAYS * 86_400L;
  // A long-lived calendar queried over years keeps a bounded cache.
  private static final int MAX_CACHED_CHUNKS = 64;
  // 1970-01-01 was a Thursday: epoch minute 0 is minute 3 * 1440 of a Monday-based week.
  private static final long EPOCH_MINUTE_OF_WEEK = 3L * ScheduleCoverage.MINUTES_PER_DAY;
  private static final long WEEK = ScheduleCoverage.MINUTES_PER_WEEK;

  // Local days a recurring event is enumerated over for one chunk: the chunk, the longest duration
  // and lead before and after it, a day of margin on each side and a day for rounding to dates.
  private static final long WINDOW_DAYS =
      CHUNK_DAYS + Limits.EVENT_DURATION.max().toDays() + Limits.LEAD_TIME.max().toDays() + 2 + 2;

  /**
   * The most occurrences and Quartz calls building one chunk examines: each recurring event (at
   * most {@value Limits#MAX_OCCURRENCES_PER_DAY} of them) costs a Quartz call per day of its window
   * and one more, the occurrences of all of them at most {@value Limits#MAX_OCCURRENCES_PER_DAY} a
   * day, and each one-off event is looked at once.
   */
  public static final long EXAMINED_PER_CHUNK =
      Limits.MAX_OCCURRENCES_PER_DAY * (WINDOW_DAYS + 1)
          + Limits.MAX_OCCURRENCES_PER_DAY * WINDOW_DAYS
          + Limits.MAX_EVENTS;

  private final CapacityConfig config;
  private final WeekIndex week;
  private final List<EventSpec> events;
  private final EventIndex eventIndex;
  private final List<String> refused;
  private final ZoneRules rules;
  private final LongAdder examined = new LongAdder();
  private final LongAdder chunksBuilt = new LongAdder();
  private final Map<Long, Chunk> chunks = new ConcurrentHashMap<>();
  private volatile Chunk recent;
  // The last withExtraEvents answer: callers that pass the same extra events every pass (the
  // planner, the simulator) reuse its cached chunks instead of evaluating cron again.
  private volatile CapacityCalendar lastWithExtra;
  private volatile List<EventSpec> lastExtra;

  private CapacityCalendar(
      CapacityConfig config, WeekIndex week, List<EventSpec> events, List<String> refused) {
    this.config = config;
    this.week = week;
    this.events = List.copyOf(events);
    this.eventIndex = new EventIndex(events);
    this.refused = List.copyOf(refused);
    this.rules = config.timezone().getRules();
  }

  /**
   * Compiles the config's schedule and events (cron expressions, window index).
   *
   * @throws IllegalArgumentException for an event the configuration's rules refuse (a config built
   *     by hand: loaded ones are valid)
   */
  public static CapacityCalendar of(CapacityConfig config) {
    Set<String> models = config.models().keySet();
    for (EventSpec e : config.events()) {
      List<ConfigError> problems = EventRules.problems(e, models, config.source());
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("event '" + e.name() + "': " + why(problems));
      }
    }
    String limits = EventRules.calendarProblem(config.events());
    if (limits != null) {
      throw new IllegalArgumentException("events of config " + config.name() + ": " + limits);
    }
    return new CapacityCalendar(config, new WeekIndex(config), config.events(), List.of());
  }

  /**
   * This calendar with extra events (added by operators, read from the state table) merged in.
   * Cheap to call every pass: the schedule index is shared and the same extra events give back the
   * same calendar. An extra event the configuration's rules refuse (written to the table by hand or
   * by an older version) is left out and listed in {@link #refusedEvents()}, so one bad item never
   * stops every pass.
   */
  public CapacityCalendar withExtraEvents(List<EventSpec> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    CapacityCalendar cached = lastWithExtra;
    if (cached != null && extra.equals(lastExtra)) {
      return cached;
    }
    Set<String> models = config.models().keySet();
    Set<String> names = new HashSet<>();
    events.forEach(e -> names.add(e.name()));
    List<EventSpec> all = new ArrayList<>(events);
    List<String> refusedNow = new ArrayList<>();
    for (EventSpec e : extra) {
      List<ConfigError> problems = EventRules.problems(e, models, "state table");
      List<EventSpec> with = new ArrayList<>(all);
      with.add(e);
      String why =
          !problems.isEmpty()
              ? why(problems)
              : names.contains(e.name())
                  ? "its name is taken by another event"
                  : EventRules.calendarProblem(with);
      if (why == null) {
        all.add(e);
        names.add(e.name());
      } else {
        refusedNow.add("event '" + e.name() + "' from the state table is left out: " + why);
      }
    }
    CapacityCalendar merged = new CapacityCalendar(config, week, all, refusedNow);
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
    Set<EventOccurrence> found = null; // made at the first found: most windows have none
    if (from.isBefore(to)) {
      long last = Math.floorDiv(to.minusNanos(1).getEpochSecond(), CHUNK_SECONDS);
      for (long c = Math.floorDiv(from.getEpochSecond(), CHUNK_SECONDS); c <= last; c++) {
        for (EventOccurrence o : chunk(c).model(m).occurrences()) {
          if (o.leadStart().isBefore(to) && o.end().isAfter(from)) {
            if (found == null) {
              found = new LinkedHashSet<>();
            }
            found.add(o);
          }
        }
      }
    }
    if (found == null) {
      return new ArrayList<>();
    }
    List<EventOccurrence> sorted = new ArrayList<>(found);
    sorted.sort(BY_START);
    return sorted;
  }

  private static final Comparator<EventOccurrence> BY_START =
      Comparator.comparing(EventOccurrence::start).thenComparing(o -> o.event().name());

  /** Extra events left out by {@link #withExtraEvents}, each with the reason. */
  public List<String> refusedEvents() {
    return refused;
  }

  /** Occurrences looked at and Quartz calls made by the chunks built so far. */
  public long occurrencesExamined() {
    return examined.sum();
  }

  /** Chunks built so far (a chunk dropped from the cache and built again counts twice). */
  public long chunksBuilt() {
    return chunksBuilt.sum();
  }

  private static String why(List<ConfigError> problems) {
    ConfigError first = problems.get(0);
    return first.field() + ": " + first.message();
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
        i -> {
          chunksBuilt.increment();
          return Chunk.build(
              i * CHUNK_SECONDS,
              (i + 1) * CHUNK_SECONDS,
              rules,
              config.modelKeys(),
              eventIndex,
              examined);
        });
  }
}
