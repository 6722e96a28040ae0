package io.capacityctl.ports;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads observed Bedrock traffic. One call per reconcile pass for every model and range. */
public interface MetricsApi {

  /**
   * Per model key, one series per requested range, in the order given: the sums of what CloudWatch
   * holds. A minute with no datapoint is NaN in the series, never zero. For settled history (the
   * waste report): the newest minutes may still be partial.
   */
  Map<String, List<MinuteSeries>> read(List<String> modelKeys, List<TimeRange> ranges);

  /**
   * As {@link #read(List, List)}, for a decision on the newest minutes: a minute that not every
   * series summed into it has reported yet is NaN too ({@link PartialMinutes}), knowing which
   * series serve callers now (per model key, the PT ARNs routed: in service, not draining), which
   * are late however long they are silent. The reconcile pass reads this way.
   */
  default Map<String, List<MinuteSeries>> read(
      List<String> modelKeys, List<TimeRange> ranges, Map<String, Set<String>> serving) {
    return read(modelKeys, ranges);
  }
}
