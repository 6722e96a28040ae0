package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.TimelineSink;
import io.capacityctl.sim.Trace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several policies over one trace through the same simulated cloud and reconcile path. Runs
 * are independent, so they share the machine's cores.
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
    int threads =
        Math.max(1, Math.min(policies.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // capacityctl's replay (forecasting every pass) takes longer than the four others together
      // on two cores: it starts first, so it is not left running alone at the end.
      Map<PolicyName, Future<SimulationResult>> futures = new EnumMap<>(PolicyName.class);
      List<PolicyName> longestFirst = new ArrayList<>(policies);
      if (longestFirst.remove(PolicyName.CAPACITYCTL)) {
        longestFirst.add(0, PolicyName.CAPACITYCTL);
      }
      for (PolicyName p : longestFirst) {
        TimelineSink w = timelines.get(p);
        futures.put(
            p,
            pool.submit(() -> Simulator.run(config, trace, p.label(), c -> p.create(c, trace), w)));
      }
      Map<PolicyName, SimulationResult> out = new LinkedHashMap<>();
      for (PolicyName p : policies) {
        out.put(p, futures.get(p).get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("backtest interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
