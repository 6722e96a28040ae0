package io.capacityctl.bench;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceGenerator;
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

  @Setup(Level.Trial)
  public void record() throws ConfigException {
    CapacityConfig config = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    Trace trace = TraceGenerator.mangaAssist(42, 14);
    Simulator.run(
        config,
        trace,
        "capacityctl",
        c -> new Recording(new Planner(c, CapacityCalendar.of(c))),
        null);
    planner = new Planner(config, CapacityCalendar.of(config));
  }

  @Benchmark
  public Plan onePass() {
    Pass p = passes.get(next);
    next = (next + 1) % passes.size();
    return planner.plan(p.observation(), p.overrides(), p.now());
  }

  /** Plans as the planner does, keeping the passes of the recorded run. */
  private final class Recording implements Policy {
    private final Planner delegate;
    private int pass;

    Recording(Planner delegate) {
      this.delegate = delegate;
    }

    @Override
    public Plan plan(Observation observation, List<CapacityOverride> overrides, Instant now) {
      if (pass >= FIRST_PASS && passes.size() < PASSES) {
        passes.add(new Pass(observation, List.copyOf(overrides), now));
      }
      pass++;
      return delegate.plan(observation, overrides, now);
    }

    @Override
    public HistoryWindow historyWindow() {
      return delegate.historyWindow();
    }

    @Override
    public CapacityConfig config() {
      return delegate.config();
    }
  }
}
