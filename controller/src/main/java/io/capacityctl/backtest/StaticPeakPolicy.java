package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.config.ScheduleWindow;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Policy;
import io.capacityctl.planner.UnitSizing;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each model's largest scheduled units, around the clock: what MangaAssist ran before its
 * overnight-waste incident. ECS sized for that peak.
 */
public final class StaticPeakPolicy implements Policy {
  private final CapacityConfig config;
  // The peaks are fixed by the schedule: worked out once, not on every pass.
  private final Map<String, Integer> peaks = new HashMap<>();
  private final int tasks;

  public StaticPeakPolicy(CapacityConfig config) {
    this.config = config;
    double tps = 0;
    for (String key : config.modelKeys()) {
      ModelConfig m = config.model(key);
      int peak = peakUnits(config, m);
      peaks.put(key, peak);
      tps += peak * m.tokensPerSecondPerUnit();
    }
    this.tasks =
        config.ecs() == null
            ? 0
            : UnitSizing.tasksFor(config.ecs(), tps, config.policy().ecsTargetUtilization());
  }

  private static int peakUnits(CapacityConfig config, ModelConfig m) {
    int peak = 0;
    for (ScheduleWindow w : config.schedule()) {
      if (w.units().containsKey(m.key())) {
        peak = Math.max(peak, w.units().get(m.key()));
      } else if (w.expectedTps().containsKey(m.key())) {
        peak =
            Math.max(
                peak,
                UnitSizing.costOptimalUnits(
                    m, w.expectedTps().get(m.key()), config.policy().onDemandSafety()));
      }
    }
    return peak;
  }

  @Override
  public Plan plan(Observation obs, List<CapacityOverride> overrides, Instant now) {
    return Decisions.plan(config, obs, now, "static peak", m -> peaks.get(m.key()), tasks);
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
