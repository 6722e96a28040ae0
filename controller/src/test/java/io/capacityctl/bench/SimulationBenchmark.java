package io.capacityctl.bench;

import io.capacityctl.backtest.Backtest;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.Planner;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceGenerator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replays the bundled 28-day, two-model MangaAssist trace through the production reconcile path
 * (40,320 passes): capacityctl alone, the five-policy backtest that {@code capacityctl simulate}
 * runs, and the same with a five-budget frontier ({@code simulate --frontier}). Single-shot,
 * because a user runs it once; the trace is generated outside the measurement. How to run:
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SimulationBenchmark {
  private CapacityConfig config;
  private Trace trace;

  @Setup
  public void load() throws ConfigException {
    config = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    trace = TraceGenerator.mangaAssist(42, 28);
  }

  @Benchmark
  public SimulationResult replay28DaysTwoModels() {
    return Simulator.run(
        config, trace, "capacityctl", c -> new Planner(c, CapacityCalendar.of(c)), null);
  }

  @Benchmark
  public Map<PolicyName, SimulationResult> backtestFivePolicies() {
    return Backtest.run(config, trace, List.of(PolicyName.values()), Map.of());
  }

  /** {@code simulate --frontier}: the five policies and capacityctl at the five default budgets. */
  @Benchmark
  public Comparison backtestWithFiveBudgetFrontier() {
    return Backtest.compare(
        config,
        trace,
        List.of(PolicyName.values()),
        List.of(0.001, 0.0001, 0.00001, 0.000001, 0.0),
        Map.of());
  }
}
