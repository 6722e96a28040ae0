package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Policy;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.TimelineSink;
import io.capacityctl.sim.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs several policies over one trace through the same simulated cloud and reconcile path, and
 * capacityctl at several throttle budgets and floors for the frontier. Runs are independent, so
 * they share the machine's cores.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * Runs each policy.
   *
   * @param timelines per policy, where its per-minute rows go (policies absent get none)
   * @return results in the order of {@code policies}
   */
  public static Map<PolicyName, SimulationResult> run(
      CapacityConfig config,
      Trace trace,
      List<PolicyName> policies,
      Map<PolicyName, ? extends TimelineSink> timelines) {
    return compare(config, trace, policies, List.of(), timelines).policies();
  }

  /**
   * Runs each policy, and capacityctl once per throttle budget of the frontier. capacityctl's own
   * row is the configuration's budget: a frontier budget equal to it reuses that run.
   *
   * @param budgets the frontier's throttle budgets (shares of tokens; duplicates count once)
   * @param timelines per policy, where its per-minute rows go (policies absent get none)
   */
  public static Comparison compare(
      CapacityConfig config,
      Trace trace,
      List<PolicyName> policies,
      List<Double> budgets,
      Map<PolicyName, ? extends TimelineSink> timelines) {
    return compare(config, trace, policies, budgets, List.of(), timelines);
  }

  /**
   * As {@link #compare(CapacityConfig, Trace, List, List, Map)}, and capacityctl once per floor at
   * the configuration's budget, each model's {@code minUnits} raised to that share of its {@code
   * maxUnits} ({@link CapacityConfig#withFloor}): where the budget is missed in minutes busier than
   * any before them, a tighter budget buys little and a floor is what does; this prices it.
   *
   * @param floors shares of {@code maxUnits} from 0 to 1 (duplicates and 0 count once: 0 is the
   *     configuration itself)
   */
  public static Comparison compare(
      CapacityConfig config,
      Trace trace,
      List<PolicyName> policies,
      List<Double> budgets,
      List<Double> floors,
      Map<PolicyName, ? extends TimelineSink> timelines) {
    return compare(config, trace, policies, budgets, floors, timelines, PolicyName::create);
  }

  /** Builds the policy of one run (tests record what each run was given). */
  interface PolicyFactory {
    Policy create(PolicyName policy, CapacityConfig config, Trace trace);
  }

  static Comparison compare(
      CapacityConfig config,
      Trace trace,
      List<PolicyName> policies,
      List<Double> budgets,
      Map<PolicyName, ? extends TimelineSink> timelines,
      PolicyFactory factory) {
    return compare(config, trace, policies, budgets, List.of(), timelines, factory);
  }

  static Comparison compare(
      CapacityConfig config,
      Trace trace,
      List<PolicyName> policies,
      List<Double> budgets,
      List<Double> floors,
      Map<PolicyName, ? extends TimelineSink> timelines,
      PolicyFactory factory) {
    double own = config.policy().throttleBudget();
    boolean ownRuns = policies.contains(PolicyName.CAPACITYCTL);
    List<Double> raised = floors.stream().filter(f -> f > 0).distinct().sorted().toList();
    // Floors are read against the configuration as written: its point is in the table with them.
    List<Double> points =
        Stream.concat(budgets.stream(), raised.isEmpty() ? Stream.empty() : Stream.of(own))
            .distinct()
            .sorted(Comparator.reverseOrder())
            .toList();
    // capacityctl's replay (forecasting every pass) takes longer than the four others together on
    // two cores: its runs start first, so none is left running alone at the end.
    Jobs jobs =
        new Jobs(Math.max(1, policies.size() + points.size() + raised.size()), trace, factory);
    try {
      Map<PolicyName, Future<SimulationResult>> byPolicy = new LinkedHashMap<>();
      if (ownRuns) {
        byPolicy.put(
            PolicyName.CAPACITYCTL, jobs.submit(config, PolicyName.CAPACITYCTL, timelines));
      }
      Map<Double, Future<SimulationResult>> byBudget = new LinkedHashMap<>();
      for (double b : points) {
        byBudget.put(
            b,
            ownRuns && b == own
                ? byPolicy.get(PolicyName.CAPACITYCTL)
                : jobs.submit(
                    config.withPolicy(config.policy().withThrottleBudget(b)),
                    PolicyName.CAPACITYCTL,
                    Map.of()));
      }
      Map<Double, Future<SimulationResult>> byFloor = new LinkedHashMap<>();
      for (double f : raised) {
        byFloor.put(f, jobs.submit(config.withFloor(f), PolicyName.CAPACITYCTL, Map.of()));
      }
      for (PolicyName p : policies) {
        byPolicy.computeIfAbsent(p, q -> jobs.submit(config, q, timelines));
      }
      Map<PolicyName, SimulationResult> results = new LinkedHashMap<>();
      for (PolicyName p : policies) {
        results.put(p, Jobs.get(byPolicy.get(p)));
      }
      List<FrontierPoint> frontier = new ArrayList<>();
      for (Map.Entry<Double, Future<SimulationResult>> e : byBudget.entrySet()) {
        frontier.add(new FrontierPoint(e.getKey(), e.getKey() == own, Jobs.get(e.getValue())));
      }
      for (Map.Entry<Double, Future<SimulationResult>> e : byFloor.entrySet()) {
        frontier.add(new FrontierPoint(own, e.getKey(), false, Jobs.get(e.getValue())));
      }
      return new Comparison(results, frontier);
    } finally {
      jobs.pool.shutdownNow();
    }
  }

  /** The runs of one backtest on a pool as large as the cores allow. */
  private static final class Jobs {
    final ExecutorService pool;
    final Trace trace;
    final PolicyFactory factory;

    Jobs(int runs, Trace trace, PolicyFactory factory) {
      this.pool =
          Executors.newFixedThreadPool(Math.min(runs, Runtime.getRuntime().availableProcessors()));
      this.trace = trace;
      this.factory = factory;
    }

    Future<SimulationResult> submit(
        CapacityConfig config, PolicyName p, Map<PolicyName, ? extends TimelineSink> timelines) {
      TimelineSink w = timelines.get(p);
      Callable<SimulationResult> run =
          () -> Simulator.run(config, trace, p.label(), c -> factory.create(p, c, trace), w);
      return pool.submit(run);
    }

    static SimulationResult get(Future<SimulationResult> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("backtest interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
      }
    }
  }
}
