package io.capacityctl.bench;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceGenerator;
import io.capacityctl.testing.WatchedPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One planner pass, as the reconcile loop makes it every minute: the two-model MangaAssist
 * configuration, on observations recorded from a simulated replay (a contiguous run of passes from
 * day 8, with a week of history behind them, through a Monday release). Sample mode, so JMH prints
 * the percentiles (p50, p99, p99.9) of a pass, not only its mean. The planner keeps its incremental
 * state (burst memory) from pass to pass as in production; when the recorded run wraps around, the
 * first pass after it measures its window whole, as after a restart. How to run:
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class PlannerPassBenchmark {
  /** Passes recorded: ten hours, contiguous, so each pass moves the window on by one minute. */
  private static final int PASSES = 600;

  /** The first recorded pass: noon (trace time) of day 12, with eleven days of history. */
  private static final int FIRST_PASS = 11 * 1440 + 720;

  private record Pass(Observation observation, List<CapacityOverride> overrides, Instant now) {}

  private final List<Pass> passes = new ArrayList<>();
  private Planner planner;
  private int next;
  private int recorded; // passes planned in the recorded run

  @Setup(Level.Trial)
  public void record() throws ConfigException {
    CapacityConfig config = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    Trace trace = TraceGenerator.mangaAssist(42, 14);
    Simulator.run(
        config,
        trace,
        "capacityctl",
        c ->
            new WatchedPolicy(
                new Planner(c, CapacityCalendar.of(c)),
                (observation, overrides, now, plan) -> keep(observation, overrides, now)),
        null);
    planner = new Planner(config, CapacityCalendar.of(config));
  }

  @Benchmark
  public Plan onePass() {
    Pass p = passes.get(next);
    next = (next + 1) % passes.size();
    return planner.plan(p.observation(), p.overrides(), p.now());
  }

  /** Keeps the passes of the recorded run, as the planner was given them. */
  private void keep(Observation observation, List<CapacityOverride> overrides, Instant now) {
    if (recorded >= FIRST_PASS && passes.size() < PASSES) {
      passes.add(new Pass(observation, List.copyOf(overrides), now));
    }
    recorded++;
  }
}
