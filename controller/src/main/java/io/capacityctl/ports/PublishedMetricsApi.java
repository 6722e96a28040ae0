package io.capacityctl.ports;

import java.util.List;
import java.util.Map;

/**
 * Reads back what the controller itself published per model (e.g. {@code InServiceUnits}), minute
 * by minute: the capacity history Bedrock does not publish and the waste report needs.
 */
public interface PublishedMetricsApi {
  /** Units in service per model, published by every reconcile pass. */
  String IN_SERVICE_UNITS = "InServiceUnits";

  /**
   * Per model key, the per-minute average of {@code metric} with dimension {@code Model=key} over
   * {@code range}; NaN for a minute in which nothing was published (controller not running).
   */
  Map<String, double[]> perModel(String metric, List<String> modelKeys, TimeRange range);
}
