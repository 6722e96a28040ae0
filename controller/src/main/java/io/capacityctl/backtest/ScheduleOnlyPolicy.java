package io.capacityctl.backtest;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Policy;
import io.capacityctl.planner.UnitSizing;
import java.time.Instant;
import java.util.List;

/**
 * Schedule times events, no feedback: the runbook's EventBridge cron table. Units are ordered one
 * provisioning time before a window or event needs them (events apply from their lead time).
 */
public final class ScheduleOnlyPolicy implements Policy {
  private final CapacityConfig config;
  private final CapacityCalendar calendar;

  public ScheduleOnlyPolicy(CapacityConfig config) {
    this.config = config;
    this.calendar = CapacityCalendar.of(config);
  }

  private int units(ModelConfig m, Instant now) {
    double safety = config.policy().onDemandSafety();
    Instant ahead = now.plus(m.provisioningTime());
    return Math.max(
        UnitSizing.expectedUnits(m, calendar.expected(m.key(), now), safety),
        UnitSizing.expectedUnits(m, calendar.expected(m.key(), ahead), safety));
  }

  @Override
  public Plan plan(Observation obs, List<CapacityOverride> overrides, Instant now) {
    int tasks = 0;
    if (config.ecs() != null) {
      Instant ahead = now.plus(config.ecs().startupTime());
      double tps = 0;
      for (String key : config.modelKeys()) {
        ModelConfig m = config.model(key);
        tps +=
            Math.max(
                UnitSizing.expectedTps(m, calendar.expected(key, now)),
                UnitSizing.expectedTps(m, calendar.expected(key, ahead)));
      }
      tasks = UnitSizing.tasksFor(config.ecs(), tps, config.policy().ecsTargetUtilization());
    }
    return Decisions.plan(config, obs, now, "schedule", m -> units(m, now), tasks);
  }

  @Override
  public HistoryWindow historyWindow() {
    return new HistoryWindow(1, 0);
  }

  @Override
  public CapacityConfig config() {
    return config;
  }
}
