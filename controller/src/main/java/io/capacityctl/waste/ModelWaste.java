package io.capacityctl.waste;

import java.util.List;

/**
 * One model's waste over a report, per local hour of day.
 *
 * @param hours 24 entries, hour 0 first
 * @param minutes minutes in the report
 * @param unobservedMinutes minutes left out: the controller published no InServiceUnits (not
 *     running), or units were in service and Bedrock published no traffic (unknown, never zero)
 */
public record ModelWaste(
    String model, List<HourlyWaste> hours, int minutes, int unobservedMinutes) {

  public ModelWaste {
    hours = List.copyOf(hours);
  }

  public HourlyWaste total() {
    HourlyWaste sum = new HourlyWaste(-1, 0, 0, 0, 0, 0);
    for (HourlyWaste h : hours) {
      sum = sum.plus(h);
    }
    return sum;
  }
}
