package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.config.ScheduleCoverage;
import io.capacityctl.config.ScheduleWindow;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

  private final CapacityConfig config;
  private final List<EventSpec> events;
  private final ZoneRules rules;
  private final ScheduleWindow[] windows;
  private final int[] windowByMinute;
  private final Map<String, Integer> modelIndex;
  // [model][window]: the window's units or expected tps, NaN for the kind it does not give.
  private final double[][] units;
  private final double[][] tps;
  private final Map<Long, Chunk> chunks = new ConcurrentHashMap<>();
  private volatile Chunk recent;

  private CapacityCalendar(CapacityConfig config, List<EventSpec> events) {
    events.forEach(Occurrences::validate);
    this.config = config;
    this.events = List.copyOf(events);
    this.rules = config.timezone().getRules();
    this.windows = config.schedule().toArray(new ScheduleWindow[0]);
    ScheduleCoverage coverage = ScheduleCoverage.of(config.schedule());
    // Loaded configs are valid; this catches a CapacityConfig built by hand with gaps or overlaps.
    coverage.problems().stream()
        .findFirst()
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  "schedule of config "
                      + config.name()
                      + " covers "
                      + p.range()
                      + " "
                      + (p.windows().isEmpty() ? "with no window" : "with several windows"));
            });
    this.windowByMinute = new int[ScheduleCoverage.MINUTES_PER_WEEK];
    for (int m = 0; m < windowByMinute.length; m++) {
      windowByMinute[m] = coverage.windowAt(m);
    }
    List<String> keys = config.modelKeys();
    this.modelIndex = new HashMap<>();
    this.units = new double[keys.size()][windows.length];
    this.tps = new double[keys.size()][windows.length];
    for (int m = 0; m < keys.size(); m++) {
      modelIndex.put(keys.get(m), m);
      for (int w = 0; w < windows.length; w++) {
        Integer u = windows[w].units().get(keys.get(m));
        Double d = windows[w].expectedTps().get(keys.get(m));
        units[m][w] = u == null ? Double.NaN : u;
        tps[m][w] = d == null ? Double.NaN : d;
      }
    }
  }

  /** Compiles the config's schedule and events (cron expressions, window index). */
  public static CapacityCalendar of(CapacityConfig config) {
    return new CapacityCalendar(config, config.events());
  }

  /**
   * This calendar with extra events (added by operators) merged in.
   *
   * @throws IllegalArgumentException for an event with neither or both of cron and start, or a bad
   *     cron expression
   */
  public CapacityCalendar withExtraEvents(List<EventSpec> extra) {
    List<EventSpec> all = new ArrayList<>(events);
    all.addAll(extra);
    return new CapacityCalendar(config, all);
  }

  /** The window value for {@code model} at {@code t} times the largest multiplier in force. */
  public Expectation expected(String model, Instant t) {
    int m = indexOf(model);
    long second = t.getEpochSecond();
    Chunk chunk = chunkAt(second);
    long localMinute = Math.floorDiv(second + chunk.offsetAt(second), 60);
    int w =
        windowByMinute[
            (int)
                Math.floorMod(
                    localMinute + EPOCH_MINUTE_OF_WEEK, (long) ScheduleCoverage.MINUTES_PER_WEEK)];
    EventOccurrence event = chunk.model(m).strongestAt(t);
    double multiplier = event == null ? 1.0 : event.event().multiplier();
    return new Expectation(
        windows[w], units[m][w] * multiplier, tps[m][w] * multiplier, multiplier, event);
  }

  /**
   * Occurrences affecting {@code model} that are in force at some instant of [from, to), i.e. whose
   * [leadStart, end) overlaps it, sorted by start.
   */
  public List<EventOccurrence> occurrences(String model, Instant from, Instant to) {
    int m = indexOf(model);
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

  private int indexOf(String model) {
    Integer m = modelIndex.get(model);
    if (m == null) {
      throw new IllegalArgumentException(
          "unknown model '" + model + "' in config " + config.name());
    }
    return m;
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
