package io.capacityctl.backtest.report;

import io.capacityctl.backtest.Backtest;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Trace;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A five-hour backtest of the bundled MangaAssist config on a Wednesday afternoon (8 Sonnet units
 * scheduled) where Sonnet demand jumps from 6,000 to 20,000 tokens/s for an hour: above capacity
 * plus on-demand headroom, so both charted policies throttle for a while.
 */
record SpikeRun(
    CapacityConfig config, Trace trace, Comparison comparison, ReportTimelines timelines) {
  static final int MINUTES = 300;
  static final int SPIKE_FROM = 120;
  static final int SPIKE_TO = 180;

  private static SpikeRun cached;

  /** The frontier's budgets: one looser than the configuration's 0.01 %, the configured, none. */
  static final List<Double> BUDGETS = List.of(0.001, 0.0001, 0.0);

  /** Each policy's result. */
  Map<PolicyName, SimulationResult> results() {
    return comparison.policies();
  }

  /**
   * All five policies and the frontier, capacityctl charted against schedule-only; run once per
   * test JVM.
   */
  static synchronized SpikeRun get() {
    if (cached == null) {
      cached = run(List.of(PolicyName.values()), PolicyName.SCHEDULE_ONLY);
    }
    return cached;
  }

  static SpikeRun run(List<PolicyName> policies, PolicyName baseline) {
    CapacityConfig config;
    try {
      config = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
    double[] sonnet = new double[MINUTES];
    Arrays.fill(sonnet, 6000);
    Arrays.fill(sonnet, SPIKE_FROM, SPIKE_TO, 20000);
    double[] haiku = new double[MINUTES];
    Arrays.fill(haiku, 3000.4);
    Trace trace =
        new Trace(
            ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, config.timezone()).toInstant(),
            MINUTES,
            Map.of("sonnet", sonnet, "haiku", haiku));
    ReportTimelines timelines = new ReportTimelines(trace, baseline);
    Comparison results =
        Backtest.compare(
            config, trace, timelines.policiesToRun(policies), BUDGETS, timelines.sinks(Map.of()));
    return new SpikeRun(config, trace, results, timelines);
  }
}
