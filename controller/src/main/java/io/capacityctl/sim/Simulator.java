package io.capacityctl.sim;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.leadtime.LeadTimeTotal;
import io.capacityctl.planner.Policy;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays a trace minute by minute through the production reconcile path (observe, plan, act)
 * against the {@link SimulatedCloud}, and accounts cost and service. Each minute: the pass runs at
 * the minute's start, then {@link TrafficStep} serves the minute's demand and CloudWatch records
 * what happened. A trace's history is in CloudWatch before the first pass, as a deployed controller
 * finds its service's past traffic; only the minutes after it are replayed and counted.
 */
public final class Simulator {
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
    InMemoryLeaseTable leaseTable = new InMemoryLeaseTable();
    InMemoryStateStore state = new InMemoryStateStore(leaseTable);
    LeaseKeeper leases = new LeaseKeeper(leaseTable, Ticker.following(cloud.clock()));
    Policy policy = policyFactory.apply(config);
    recordHistory(cloud.metrics(), config, trace);
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

    // Per model by index in config order: this loop runs once a minute for a month.
    List<String> keys = config.modelKeys();
    int n = keys.size();
    ModelConfig[] models = new ModelConfig[n];
    ModelTotals[] tots = new ModelTotals[n];
    double[] quota = new double[n]; // the most a model can serve: every unit plus on demand
    WeekPeak[] peaks = new WeekPeak[n]; // the busiest minute of the week before, history included
    Map<String, ModelTotals> totals = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      models[k] = config.model(keys.get(k));
      quota[k] =
          (double) models[k].maxUnits() * models[k].tokensPerSecondPerUnit()
              + models[k].onDemandTps();
      tots[k] = new ModelTotals();
      peaks[k] = new WeekPeak();
      double[] history = trace.history().get(keys.get(k));
      for (int h = 0; history != null && h < history.length; h++) {
        peaks[k].record(history[h]);
      }
      totals.put(keys.get(k), tots[k]);
    }
    EcsTotals ecsTotals = config.ecs() == null ? null : new EcsTotals();
    Integer[] lastTarget = new Integer[n];
    int failed = 0;
    TrafficStep traffic = new TrafficStep(config, cloud);
    for (int i = 0; i < trace.minutes(); i++) {
      Instant t = trace.minute(i);
      cloud.clock().set(t);
      PassReport report = reconciler.reconcileOnce();
      if (report.failed()) {
        failed++;
      }
      Map<String, TrafficStep.Served> served = traffic.serve(trace, i);
      double totalDemand = 0;
      for (int k = 0; k < n; k++) {
        String key = keys.get(k);
        ModelConfig m = models[k];
        ModelTotals tot = tots[k];
        TrafficStep.Served s = served.get(key);
        totalDemand += s.demand();
        int billed = cloud.bedrock().billedUnits(m.modelId());
        tot.unitMinutes += billed;
        tot.unitCostUsd += billed * m.unitHourlyUsd() / 60;
        tot.demandTokens += s.demand() * 60;
        tot.onDemandTokens += s.onDemand() * 60;
        tot.onDemandCostUsd += s.onDemand() * 60 / 1000 * m.onDemandUsdPer1kTokens();
        tot.throttledTokens += s.throttled() * 60;
        boolean record = peaks[k].record(s.demand());
        if (s.demand() <= quota[k]) {
          tot.throttledWithinQuotaTokens += s.throttled() * 60;
          if (record) {
            tot.throttledInRecordsTokens += s.throttled() * 60;
          }
        }
        if (s.throttled() > 0) {
          tot.throttledMinutes++;
        }
        if (s.capacity() > 0) {
          tot.wasteSum += 1 - s.pt() / s.capacity();
          tot.wasteMinutes++;
        }
        if (report.plan() != null) {
          lastTarget[k] = report.plan().models().get(key).targetUnits();
        }
        if (timeline != null) {
          timeline.row(
              new TimelineRow(
                  t,
                  key,
                  s.demand(),
                  lastTarget[k] == null ? s.inServiceUnits() : lastTarget[k],
                  s.inServiceUnits(),
                  s.capacity(),
                  s.throttled(),
                  cloud.ecs().desired(),
                  cloud.ecs().running()));
        }
      }
      if (ecsTotals != null) {
        EcsConfig ecs = config.ecs();
        int desired = cloud.ecs().desired();
        ecsTotals.taskMinutes += desired;
        ecsTotals.costUsd += desired * ecs.taskHourlyUsd() / 60;
        if (cloud.ecs().running() * ecs.tokensPerSecondPerTask() < totalDemand) {
          ecsTotals.shortfallMinutes++;
        }
      }
    }
    CapacityCalendar calendar = CapacityCalendar.of(config);
    Instant end = trace.minute(trace.minutes());
    for (String key : config.modelKeys()) {
      String modelId = config.model(key).modelId();
      totals.get(key).scalingActions =
          cloud.bedrock().creates(modelId) + cloud.bedrock().deletes(modelId);
      totals.get(key).leadTime =
          LeadTimeTotal.of(config, calendar, key, state.creations(), trace.start(), end);
    }
    if (ecsTotals != null) {
      ecsTotals.scalingActions = cloud.ecs().updates();
    }
    return new SimulationResult(policyName, trace.minutes(), totals, ecsTotals, failed);
  }

  /**
   * Puts the trace's history in CloudWatch as a deployed controller finds it at its first pass: the
   * service's traffic, all of it served (whoever provisioned for it then).
   */
  private static void recordHistory(SimMetrics metrics, CapacityConfig config, Trace trace) {
    int before = trace.historyMinutes();
    for (String model : config.modelKeys()) {
      double[] h = trace.history().get(model);
      for (int i = 0; h != null && i < h.length; i++) {
        double tokens = h[i] * 60;
        metrics.record(model, i - before, tokens, tokens / TrafficStep.TOKENS_PER_REQUEST, 0);
      }
    }
  }
}
