package io.capacityctl.backtest.report;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.TimelineRecorder;
import io.capacityctl.sim.TimelineSink;
import io.capacityctl.sim.Trace;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The in-memory timelines a report charts (capacityctl and one baseline), recorded during a
 * backtest next to whatever other timeline sinks the run has.
 */
public final class ReportTimelines {
  private final PolicyName baseline;
  private final Map<PolicyName, TimelineRecorder> recorders = new EnumMap<>(PolicyName.class);

  /**
   * @param baseline the policy charted against capacityctl; must not be capacityctl itself
   */
  public ReportTimelines(Trace trace, PolicyName baseline) {
    if (baseline == PolicyName.CAPACITYCTL) {
      throw new IllegalArgumentException("the baseline must be another policy than capacityctl");
    }
    this.baseline = baseline;
    for (PolicyName p : charted()) {
      recorders.put(p, new TimelineRecorder(trace.start(), trace.minutes()));
    }
  }

  public PolicyName baseline() {
    return baseline;
  }

  /** capacityctl first, then the baseline: the order of the charts. */
  public List<PolicyName> charted() {
    return List.of(PolicyName.CAPACITYCTL, baseline);
  }

  /** The recorded timeline of a charted policy. */
  public TimelineRecorder of(PolicyName policy) {
    TimelineRecorder r = recorders.get(policy);
    if (r == null) {
      throw new IllegalArgumentException(policy + " is not charted in this report");
    }
    return r;
  }

  /** The policies to run: {@code selected} plus the charted ones, in the table's order. */
  public List<PolicyName> policiesToRun(List<PolicyName> selected) {
    EnumSet<PolicyName> all = EnumSet.copyOf(charted());
    all.addAll(selected);
    return List.copyOf(all);
  }

  /** {@code others} with this report's recorders added; a policy with both gets each row twice. */
  public Map<PolicyName, TimelineSink> sinks(Map<PolicyName, ? extends TimelineSink> others) {
    Map<PolicyName, TimelineSink> out = new EnumMap<>(PolicyName.class);
    out.putAll(others);
    recorders.forEach((p, r) -> out.merge(p, r, TimelineSink::both));
    return out;
  }
}
