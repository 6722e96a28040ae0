package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Policy;
import io.capacityctl.sim.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clairvoyant lower bound: knows the whole trace, holds {@link OracleUnits}' cheapest unit
 * counts and orders each unit one provisioning time before it must serve; ECS tasks exactly cover
 * demand, started one startup time ahead.
 */
public final class OraclePolicy implements Policy {
  private final CapacityConfig config;
  private final Trace trace;
  private final Map<String, int[]> units = new HashMap<>();
  private final int[] tasks;

  public OraclePolicy(CapacityConfig config, Trace trace) {
    this.config = config;
    this.trace = trace;
    double[] total = new double[trace.minutes()];
    for (String key : config.modelKeys()) {
      double[] d = trace.demand().get(key);
      units.put(key, OracleUnits.solve(config.model(key), d));
      for (int i = 0; i < d.length; i++) {
        total[i] += d[i];
      }
    }
    tasks = new int[trace.minutes()];
    if (config.ecs() != null) {
      for (int i = 0; i < total.length; i++) {
        tasks[i] = (int) Math.ceil(total[i] / config.ecs().tokensPerSecondPerTask() - 1e-9);
      }
    }
  }

  @Override
  public Plan plan(Observation obs, List<CapacityOverride> overrides, Instant now) {
    int i = (int) Math.max(0, Duration.between(trace.start(), now).toMinutes());
    int startup = config.ecs() == null ? 0 : (int) config.ecs().startupMinutes();
    return Decisions.plan(
        config,
        obs,
        now,
        "oracle",
        m -> maxAhead(units.get(m.key()), i, (int) m.provisioningMinutes()),
        maxAhead(tasks, i, startup));
  }

  /**
   * What must exist at minute i: what serves now plus what is being bought for the next minutes.
   */
  private static int maxAhead(int[] path, int i, int ahead) {
    int max = 0;
    for (int t = i; t <= Math.min(path.length - 1, i + ahead); t++) {
      max = Math.max(max, path[t]);
    }
    return max;
  }

  @Override
  public HistoryWindow historyWindow() {
    return new HistoryWindow(1, 0);
  }

  @Override
  public CapacityConfig config() {
    return config;
  }

  /** The oracle's own unit path for a model, for reports. */
  public int[] units(String model) {
    return units.get(model).clone();
  }
}
