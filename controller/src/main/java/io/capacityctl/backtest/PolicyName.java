package io.capacityctl.backtest;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.sim.Trace;

/** The policies the backtest compares, in the order the table lists them. */
public enum PolicyName {
  STATIC_PEAK("static-peak"),
  SCHEDULE_ONLY("schedule-only"),
  TARGET_TRACKING("target-tracking"),
  CAPACITYCTL("capacityctl"),
  ORACLE("oracle");

  private final String label;

  PolicyName(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Builds a fresh policy (some keep state across passes) for one simulation of {@code trace}. */
  public Policy create(CapacityConfig config, Trace trace) {
    return switch (this) {
      case STATIC_PEAK -> new StaticPeakPolicy(config);
      case SCHEDULE_ONLY -> new ScheduleOnlyPolicy(config);
      case TARGET_TRACKING -> new TargetTrackingPolicy(config);
      case CAPACITYCTL -> new Planner(config, CapacityCalendar.of(config));
      case ORACLE -> new OraclePolicy(config, trace);
    };
  }

  /** Parses a label such as {@code schedule-only}; null when unknown. */
  public static PolicyName of(String label) {
    for (PolicyName p : values()) {
      if (p.label.equalsIgnoreCase(label) || p.name().equalsIgnoreCase(label)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}
