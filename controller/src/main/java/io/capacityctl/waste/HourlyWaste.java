package io.capacityctl.waste;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's provisioned capacity and its use in one local hour of the day, summed over the days
 * of a report.
 *
 * @param hour local hour of day, 0 to 23, in the config's time zone
 * @param minutes minutes counted: both the controller's InServiceUnits and Bedrock traffic known
 * @param unitHours model-unit hours in service
 * @param provisionedTokens tokens those units could have served
 * @param usedTokens tokens they served: per minute, the smaller of traffic and capacity
 * @param wastedUsd the unit cost of the unused share
 */
public record HourlyWaste(
    int hour,
    int minutes,
    double unitHours,
    double provisionedTokens,
    double usedTokens,
    double wastedUsd) {

  /** 1 - used / provisioned; 0 when nothing was provisioned. */
  public double wasteRatio() {
    return provisionedTokens <= 0 ? 0 : 1 - usedTokens / provisionedTokens;
  }

  /** JSON-ready; the hour is left out of a total (hour -1). */
  public Map<String, Object> asMap() {
    Map<String, Object> v = new LinkedHashMap<>();
    if (hour >= 0) {
      v.put("hour", hour);
    }
    v.put("minutes", minutes);
    v.put("unitHours", unitHours);
    v.put("wasteRatio", wasteRatio());
    v.put("wastedUsd", wastedUsd);
    return v;
  }

  HourlyWaste plus(HourlyWaste o) {
    return new HourlyWaste(
        hour,
        minutes + o.minutes,
        unitHours + o.unitHours,
        provisionedTokens + o.provisionedTokens,
        usedTokens + o.usedTokens,
        wastedUsd + o.wastedUsd);
  }
}
