package io.capacityctl.sim;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.planner.Policy;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.state.InMemoryLeaseManager;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays a trace minute by minute through the production reconcile path (observe, plan, act)
 * against the {@link SimulatedCloud}, and accounts cost and service. Each minute: the pass runs at
 * the minute's start, then the minute's demand is served by the PTs the routing table publishes,
 * on-demand headroom takes the overflow, the rest is throttled, and CloudWatch records what
 * happened.
 */
public final class Simulator {
  /** Tokens per request, to turn tokens into the invocation counts CloudWatch reports. */
  static final double TOKENS_PER_REQUEST = 1000;

  private static final TelemetrySink NO_TELEMETRY =
      new TelemetrySink() {
        @Override
        public void put(String metric, double value, String unit, Map<String, String> dims) {}

        @Override
        public void flush() {}
      };

  private Simulator() {}

  /**
   * Runs one policy over a trace.
   *
   * @param policyName for the result
   * @param policyFactory builds the policy for the config (capacityctl's planner or a baseline)
   * @param timeline where per-minute rows go, or null
   */
  public static SimulationResult run(
      CapacityConfig config,
      Trace trace,
      String policyName,
      Function<CapacityConfig, Policy> policyFactory,
      TimelineSink timeline) {
    // No in-flight requests are modelled, so removed units stop billing at once (no drain).
    config = config.withPolicy(config.policy().withDrainTime(Duration.ZERO));
    SimulatedCloud cloud = new SimulatedCloud(config, trace.start(), trace.minutes());
    InMemoryLeaseManager leases = new InMemoryLeaseManager();
    InMemoryStateStore state = new InMemoryStateStore(leases);
    Policy policy = policyFactory.apply(config);
    Reconciler reconciler =
        new Reconciler(
            policy,
            cloud.ports(),
            state,
            leases,
            NO_TELEMETRY,
            cloud.clock(),
            "simulator",
            Duration.ofMinutes(5));

    // Warm start: the first minute's target is already in service.
    reconciler.reconcileOnce();
    cloud.bedrock().completeCreations();
    cloud.ecs().completeStarts();

    Map<String, ModelTotals> totals = new LinkedHashMap<>();
    config.modelKeys().forEach(k -> totals.put(k, new ModelTotals()));
    EcsTotals ecsTotals = config.ecs() == null ? null : new EcsTotals();
    Map<String, Integer> lastTarget = new LinkedHashMap<>();
    int failed = 0;
    for (int i = 0; i < trace.minutes(); i++) {
      Instant t = trace.minute(i);
      cloud.clock().set(t);
      PassReport report = reconciler.reconcileOnce();
      if (report.failed()) {
        failed++;
      }
      RouteTable routes = cloud.routes().read().orElse(null);
      double totalDemand = 0;
      for (String key : config.modelKeys()) {
        ModelConfig m = config.model(key);
        ModelTotals tot = totals.get(key);
        double demand = trace.demand().containsKey(key) ? trace.at(key, i) : 0;
        totalDemand += demand;
        int inService = routedUnits(routes, key);
        double capacity = inService * m.tokensPerSecondPerUnit();
        double pt = Math.min(demand, capacity);
        double onDemand = Math.min(demand - pt, m.onDemandTps());
        double throttled = demand - pt - onDemand;
        double served = pt + onDemand;
        cloud
            .metrics()
            .record(
                key,
                i,
                served * 60,
                served * 60 / TOKENS_PER_REQUEST,
                throttled * 60 / TOKENS_PER_REQUEST);
        int billed = cloud.bedrock().billedUnits(m.modelId());
        tot.unitMinutes += billed;
        tot.unitCostUsd += billed * m.unitHourlyUsd() / 60;
        tot.demandTokens += demand * 60;
        tot.ptTokens += pt * 60;
        tot.onDemandTokens += onDemand * 60;
        tot.onDemandCostUsd += onDemand * 60 / 1000 * m.onDemandUsdPer1kTokens();
        tot.throttledTokens += throttled * 60;
        if (throttled > 0) {
          tot.throttledMinutes++;
        }
        if (capacity > 0) {
          tot.wasteSum += 1 - pt / capacity;
          tot.wasteMinutes++;
        }
        if (report.plan() != null) {
          ModelDecision d = report.plan().models().get(key);
          lastTarget.put(key, d.targetUnits());
        }
        if (timeline != null) {
          timeline.row(
              t,
              key,
              demand,
              lastTarget.getOrDefault(key, inService),
              inService,
              capacity,
              throttled,
              cloud.ecs().desired(),
              cloud.ecs().running());
        }
      }
      if (ecsTotals != null) {
        EcsConfig ecs = config.ecs();
        ecsTotals.taskMinutes += cloud.ecs().desired();
        ecsTotals.costUsd += cloud.ecs().desired() * ecs.taskHourlyUsd() / 60;
        if (cloud.ecs().running() * ecs.tokensPerSecondPerTask() < totalDemand) {
          ecsTotals.shortfallMinutes++;
        }
      }
    }
    for (String key : config.modelKeys()) {
      String modelId = config.model(key).modelId();
      totals.get(key).scalingActions =
          cloud.bedrock().creates(modelId) + cloud.bedrock().deletes(modelId);
    }
    if (ecsTotals != null) {
      ecsTotals.scalingActions = cloud.ecs().updates();
    }
    return new SimulationResult(policyName, trace.minutes(), totals, ecsTotals, failed);
  }

  /** Units callers can use: the routing table's in-service PTs that are not draining. */
  private static int routedUnits(RouteTable table, String model) {
    if (table == null) {
      return 0;
    }
    ModelRoutes r = table.models().get(model);
    if (r == null) {
      return 0;
    }
    int units = 0;
    for (Route route : r.routes()) {
      if (!route.draining()) {
        units += route.units();
      }
    }
    return units;
  }
}
