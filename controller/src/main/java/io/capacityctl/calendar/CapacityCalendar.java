package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import java.time.Instant;
import java.util.List;

/**
 * Evaluates a config's schedule and event calendar at instants: which window is in force, which
 * events are in force or due, and the resulting expectation per model. Pure and fast: the planner
 * asks it many times per pass and the simulator runs 40,000 passes.
 */
public final class CapacityCalendar {

  /** Compiles the config's schedule and events (cron expressions, window index). */
  public static CapacityCalendar of(CapacityConfig config) {
    throw new UnsupportedOperationException("being written");
  }

  /** This calendar with extra one-off events (added by operators) merged in. */
  public CapacityCalendar withExtraEvents(List<EventSpec> extra) {
    throw new UnsupportedOperationException("being written");
  }

  /** The window value for {@code model} at {@code t} times the largest multiplier in force. */
  public Expectation expected(String model, Instant t) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Occurrences affecting {@code model} that are in force at some instant of [from, to), i.e. whose
   * [leadStart, end) overlaps it, sorted by start.
   */
  public List<EventOccurrence> occurrences(String model, Instant from, Instant to) {
    throw new UnsupportedOperationException("being written");
  }
}
