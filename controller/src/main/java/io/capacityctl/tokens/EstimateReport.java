package io.capacityctl.tokens;

import java.util.List;

/** The result of {@code capacityctl tokens estimate}: per intent, per model, and the schedule. */
public record EstimateReport(
    String intentsSource,
    String configName,
    List<IntentEstimate> intents,
    List<ModelEstimate> models,
    List<ExpectedTpsWindow> schedule,
    double totalMonthlyUsd) {
  public EstimateReport {
    intents = List.copyOf(intents);
    models = List.copyOf(models);
    schedule = List.copyOf(schedule);
  }
}
