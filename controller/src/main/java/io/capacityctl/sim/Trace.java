package io.capacityctl.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demand in tokens/s per model for consecutive whole minutes from {@code start}.
 *
 * @param demand per model key, one value per minute; every array has {@code minutes} values
 */
public record Trace(Instant start, int minutes, Map<String, double[]> demand) {

  public Trace {
    demand = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(demand));
    for (Map.Entry<String, double[]> e : demand.entrySet()) {
      if (e.getValue().length != minutes) {
        throw new IllegalArgumentException(
            "model "
                + e.getKey()
                + " has "
                + e.getValue().length
                + " minutes, expected "
                + minutes);
      }
    }
  }

  public List<String> models() {
    return List.copyOf(demand.keySet());
  }

  public double at(String model, int minute) {
    return demand.get(model)[minute];
  }

  /** The first {@code days} days of this trace (all of it when shorter). */
  public Trace firstDays(int days) {
    int keep = (int) Math.min(minutes, days * 1440L);
    Map<String, double[]> cut = new LinkedHashMap<>();
    demand.forEach((m, v) -> cut.put(m, java.util.Arrays.copyOf(v, keep)));
    return new Trace(start, keep, cut);
  }

  public Instant minute(int i) {
    return start.plus(Duration.ofMinutes(i));
  }
}
