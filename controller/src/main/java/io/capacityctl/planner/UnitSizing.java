package io.capacityctl.planner;

import io.capacityctl.calendar.Expectation;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import java.util.Map;

/**
 * How many model units (or ECS tasks) a demand level calls for. Pure arithmetic on prices and
 * throughputs from the config, so the same rule serves any workload.
 */
public final class UnitSizing {
  private UnitSizing() {}

  /**
   * The cheapest unit count for a steady demand {@code tps}: a unit is bought for a fraction of a
   * unit's throughput only when that fraction costs more on demand than the unit does (the
   * break-even utilisation), and always enough that what is left fits the on-demand headroom we
   * rely on ({@code onDemandTps * onDemandSafety}).
   */
  public static int costOptimalUnits(ModelConfig m, double tps, double onDemandSafety) {
    if (!(tps > 0)) {
      return 0;
    }
    double exact = tps / m.tokensPerSecondPerUnit();
    int whole = (int) Math.floor(exact);
    double fraction = exact - whole;
    int units = whole + (fraction > m.breakEvenUtilization() ? 1 : 0);
    // At a break-even of 1 or more even a fully used unit costs more than on demand: buy only
    // what keeps the rest within the headroom.
    if (m.breakEvenUtilization() >= 1) {
      units = 0;
    }
    return Math.max(units, unitsToAvoidThrottling(m, tps, onDemandSafety));
  }

  /** The fewest units with which {@code tps} fits provisioned plus relied-on on-demand capacity. */
  public static int unitsToAvoidThrottling(ModelConfig m, double tps, double onDemandSafety) {
    double overflow = tps - m.onDemandTps() * onDemandSafety;
    return overflow <= 0 ? 0 : (int) Math.ceil(overflow / m.tokensPerSecondPerUnit() - 1e-9);
  }

  /** Throughput that serves without throttling: provisioned units plus on-demand headroom. */
  public static double servingCapacity(ModelConfig m, int units) {
    return units * m.tokensPerSecondPerUnit() + m.onDemandTps();
  }

  /** The most tasks the models' target units plus on-demand headroom can keep busy. */
  public static int servableTasks(CapacityConfig config, Map<String, ModelDecision> models) {
    double servable = 0;
    for (ModelDecision d : models.values()) {
      servable += servingCapacity(config.model(d.model()), d.targetUnits());
    }
    return (int) Math.ceil(servable / config.ecs().tokensPerSecondPerTask() - 1e-9);
  }

  /** Tasks so that {@code tps} keeps each at {@code utilization} of its throughput. */
  public static int tasksFor(EcsConfig ecs, double tps, double utilization) {
    if (!(tps > 0)) {
      return 0;
    }
    return (int) Math.ceil(tps / (ecs.tokensPerSecondPerTask() * utilization) - 1e-9);
  }

  /** Units the schedule and calendar expect: window units as given, expected tps sized by cost. */
  public static int expectedUnits(ModelConfig m, Expectation e, double onDemandSafety) {
    return e.givesUnits()
        ? (int) Math.ceil(e.units() - 1e-9)
        : costOptimalUnits(m, e.tps(), onDemandSafety);
  }

  /** Throughput the schedule and calendar expect: window tps, or units at full throughput. */
  public static double expectedTps(ModelConfig m, Expectation e) {
    return e.givesUnits() ? e.units() * m.tokensPerSecondPerUnit() : e.tps();
  }

  public static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
