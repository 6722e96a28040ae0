package io.capacityctl.waste;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Waste ratio and wasted dollars per model and local hour of day over [from, to). */
public record WasteReport(Instant from, Instant to, ZoneId zone, Map<String, ModelWaste> models) {

  public WasteReport {
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
  }

  public double wastedUsd() {
    return models.values().stream().mapToDouble(m -> m.total().wastedUsd()).sum();
  }

  /** The report as JSON-ready maps and lists: per model its total and its 24 hours. */
  public Map<String, Object> asMap() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("from", from.toString());
    v.put("to", to.toString());
    v.put("zone", zone.getId());
    v.put("wastedUsd", wastedUsd());
    Map<String, Object> byModel = new LinkedHashMap<>();
    for (ModelWaste m : models.values()) {
      Map<String, Object> mv = new LinkedHashMap<>();
      mv.put("total", m.total().asMap());
      mv.put("minutes", m.minutes());
      mv.put("unobservedMinutes", m.unobservedMinutes());
      mv.put("hours", m.hours().stream().map(HourlyWaste::asMap).toList());
      byModel.put(m.model(), mv);
    }
    v.put("models", byModel);
    return v;
  }
}
