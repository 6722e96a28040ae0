package io.capacityctl.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * A local-time window of the daily schedule. {@code from == to} covers the whole day; a window
 * whose {@code to} is before its {@code from} wraps midnight and belongs, for {@code days}, to the
 * day it starts on.
 *
 * @param days the days (of the window's start) it applies to; empty means every day
 * @param units units to provision per model, or empty when {@code expectedTps} is given
 * @param expectedTps expected demand per model, turned into units by the planner
 * @param line line in the config file, for messages
 */
public record ScheduleWindow(
    LocalTime from,
    LocalTime to,
    Set<DayOfWeek> days,
    Map<String, Integer> units,
    Map<String, Double> expectedTps,
    int line) {

  public ScheduleWindow {
    days = Set.copyOf(days);
    units = Map.copyOf(units);
    expectedTps = Map.copyOf(expectedTps);
  }

  public boolean appliesOn(DayOfWeek day) {
    return days.isEmpty() || days.contains(day);
  }
}
