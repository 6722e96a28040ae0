package io.capacityctl.calendar;

import io.capacityctl.config.ScheduleWindow;

/**
 * What the schedule and calendar expect for one model at one instant.
 *
 * @param window the schedule window in force
 * @param units window units times the multiplier, or NaN when the window gives expectedTps
 * @param tps window expectedTps times the multiplier, or NaN when the window gives units
 * @param multiplier the largest multiplier of the events in force (1 when none)
 * @param event the event that gave the multiplier, or null
 */
public record Expectation(
    ScheduleWindow window, double units, double tps, double multiplier, EventOccurrence event) {

  public boolean givesUnits() {
    return !Double.isNaN(units);
  }

  /** What the schedule alone expects: the same window without the events' multiplier. */
  public Expectation withoutEvents() {
    return new Expectation(window, units / multiplier, tps / multiplier, 1, null);
  }
}
