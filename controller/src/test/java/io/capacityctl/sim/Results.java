package io.capacityctl.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Simulation results with chosen totals, for tests of what is computed from them. */
public final class Results {
  private Results() {}

  /**
   * One model ("m") over a day that cost {@code costUsd} in units and throttled {@code
   * throttledTokens} of {@code demandTokens}.
   */
  public static SimulationResult of(
      String policy, double costUsd, double throttledTokens, double demandTokens) {
    ModelTotals t = new ModelTotals();
    t.unitCostUsd = costUsd;
    t.throttledTokens = throttledTokens;
    t.demandTokens = demandTokens;
    t.throttledMinutes = throttledTokens > 0 ? 1 : 0;
    return new SimulationResult(policy, 1440, Map.of("m", t), null, 0);
  }

  /**
   * As {@link #of}, all of the throttling within the quota, {@code inRecords} of it in minutes
   * busier than the week before them.
   */
  public static SimulationResult withRecords(
      double costUsd, double throttledTokens, double inRecords, double demandTokens) {
    SimulationResult r = of("capacityctl", costUsd, throttledTokens, demandTokens);
    ModelTotals t = r.models().get("m");
    t.throttledWithinQuotaTokens = throttledTokens;
    t.throttledInRecordsTokens = inRecords;
    return r;
  }

  /** Nothing demanded, served or paid for, per model. */
  public static SimulationResult empty(String policy, List<String> models) {
    Map<String, ModelTotals> totals = new LinkedHashMap<>();
    models.forEach(m -> totals.put(m, new ModelTotals()));
    return new SimulationResult(policy, 0, totals, null, 0);
  }
}
