package io.capacityctl.telemetry;

import java.util.Map;

/**
 * Where the controller's own metrics go (WasteRatio, ObservedTps, ReconcileErrors, Heartbeat, ...).
 * In AWS: CloudWatch Embedded Metric Format on stdout; in tests and the simulator: memory.
 */
public interface TelemetrySink {

  /**
   * Records one value.
   *
   * @param unit a CloudWatch unit name, e.g. {@code Count}, {@code None}, {@code Percent}
   * @param dimensions e.g. {@code Model=sonnet}; empty for controller-wide metrics
   */
  void put(String metric, double value, String unit, Map<String, String> dimensions);

  /** Writes out what was recorded in this pass. */
  void flush();
}
