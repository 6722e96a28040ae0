package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.DemandHistory;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reactive only, like Application Auto Scaling target tracking: capacity for observed demand at 70%
 * utilisation, scale-out cooldown 60 s, scale-in cooldown 300 s; blind to schedule and calendar.
 * Keeps its cooldown clocks between passes, as AAS does.
 */
public final class TargetTrackingPolicy implements Policy {
  static final double TARGET = 0.7;
  static final Duration SCALE_OUT_COOLDOWN = Duration.ofSeconds(60);
  static final Duration SCALE_IN_COOLDOWN = Duration.ofSeconds(300);

  private final CapacityConfig config;
  private final Map<String, Instant> lastOut = new HashMap<>();
  private final Map<String, Instant> lastIn = new HashMap<>();

  public TargetTrackingPolicy(CapacityConfig config) {
    this.config = config;
  }

  @Override
  public Plan plan(Observation obs, List<CapacityOverride> overrides, Instant now) {
    double total = 0;
    boolean all = true;
    Map<String, Integer> units = new HashMap<>();
    for (String key : config.modelKeys()) {
      ModelConfig m = config.model(key);
      ModelState s = obs.models().get(key);
      int current = s == null ? 0 : s.plannedUnits();
      double d = newest(s == null ? null : s.demand());
      if (Double.isNaN(d)) {
        all = false;
        units.put(key, current);
        continue;
      }
      total += d;
      int desired = (int) Math.ceil(d / (TARGET * m.tokensPerSecondPerUnit()) - 1e-9);
      units.put(key, track(key, current, desired, now));
    }
    int tasks = 0;
    if (config.ecs() != null) {
      int current = obs.ecs() == null ? config.ecs().minTasks() : obs.ecs().floor();
      int desired =
          (int) Math.ceil(total / (TARGET * config.ecs().tokensPerSecondPerTask()) - 1e-9);
      tasks = all ? track("ecs", current, desired, now) : current;
    }
    return Decisions.plan(config, obs, now, "target tracking 70%", m -> units.get(m.key()), tasks);
  }

  /** Applies the cooldowns: out after 60 s since the last scale-out, in after 300 s since any. */
  private int track(String key, int current, int desired, Instant now) {
    Instant out = lastOut.get(key);
    Instant in = lastIn.get(key);
    Instant last = out == null ? in : in == null ? out : (out.isAfter(in) ? out : in);
    if (desired > current && (out == null || !now.isBefore(out.plus(SCALE_OUT_COOLDOWN)))) {
      lastOut.put(key, now);
      return desired;
    }
    if (desired < current && (last == null || !now.isBefore(last.plus(SCALE_IN_COOLDOWN)))) {
      lastIn.put(key, now);
      return desired;
    }
    return current;
  }

  private static double newest(DemandHistory h) {
    return h == null ? Double.NaN : h.recentAt(0);
  }

  @Override
  public HistoryWindow historyWindow() {
    return new HistoryWindow(5, 0);
  }

  @Override
  public CapacityConfig config() {
    return config;
  }
}
