package io.capacityctl.backtest;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.TimelineWriter;
import io.capacityctl.sim.Trace;
import java.util.ArrayList;
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
   * Runs each policy; {@code timelineFor} (may be null) gets the timeline of {@code
   * timelinePolicy}.
   *
   * @return results in the order of {@code policies}
   */
  public static Map<PolicyName, SimulationResult> run(
      CapacityConfig config,
      Trace trace,
      List<PolicyName> policies,
      PolicyName timelinePolicy,
      TimelineWriter timeline) {
    int threads =
        Math.max(1, Math.min(policies.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SimulationResult>> futures = new ArrayList<>();
      for (PolicyName p : policies) {
        TimelineWriter w = p == timelinePolicy ? timeline : null;
        futures.add(
            pool.submit(() -> Simulator.run(config, trace, p.label(), c -> p.create(c, trace), w)));
      }
      Map<PolicyName, SimulationResult> out = new LinkedHashMap<>();
      for (int i = 0; i < policies.size(); i++) {
        out.put(policies.get(i), futures.get(i).get());
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
