package io.capacityctl.waste;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Waste ratio and wasted dollars per model and local hour of day over [from, to). */
public record WasteReport(Instant from, Instant to, ZoneId zone, Map<String, ModelWaste> models) {

  public WasteReport {
    models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
  }

  public double wastedUsd() {
    return models.values().stream().mapToDouble(m -> m.total().wastedUsd()).sum();
  }
}
