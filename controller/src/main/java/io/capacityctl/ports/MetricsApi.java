package io.capacityctl.ports;

import java.util.List;
import java.util.Map;

/** Reads observed Bedrock traffic. One call per reconcile pass for every model and range. */
public interface MetricsApi {

  /**
   * Per model key, one series per requested range, in the order given. A minute with no datapoint
   * is NaN in the series, never zero.
   */
  Map<String, List<MinuteSeries>> read(List<String> modelKeys, List<TimeRange> ranges);
}
