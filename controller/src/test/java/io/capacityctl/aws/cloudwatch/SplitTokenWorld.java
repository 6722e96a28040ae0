package io.capacityctl.aws.cloudwatch;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.DemandHistory;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Planner;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimulatedCloud;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.testing.RecordingTelemetry;
import io.capacityctl.testing.TestConfig;
import io.capacityctl.testing.WatchedPolicy;
import io.capacityctl.time.FakeClock;
import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconcile path with the CloudWatch read as {@code AwsCloudModule} composes it: the metrics
 * adapter, with its settled-minutes cache, on the in-process CloudWatch ({@link MetricWorld}), with
 * either Bedrock metrics source: {@code pt-arns} (the PT ARNs it queries recorded in the state
 * store by the observer) or {@code model-id} (one series per model id, PT traffic included); then
 * the real observer, planner and actuator, and an ECS service sized from the same demand. Bedrock's
 * control plane, the routing table, ECS and the lease are the simulator's, in process, on one fake
 * clock: no emulator is needed.
 *
 * <p>Each minute, Bedrock's metrics are played as callers following the published routing table
 * would produce them, and {@code OutputTokenCount} can be held back while {@code InputTokenCount}
 * lands, as CloudWatch publishes the two apart. {@link #EMBED} is an embedding model: Bedrock
 * publishes its input tokens and never any output tokens.
 */
final class SplitTokenWorld {
  /** A Wednesday: no weekly pattern of the config is near. */
  static final Instant START = Instant.parse("2027-01-06T00:00:00Z");

  static final String CHAT = "sonnet";
  static final String EMBED = "embed";

  /** Output tokens are 60 % of a chat model's tokens: a minute without them reads 40 %. */
  static final double INPUT_SHARE = 0.4;

  static final double TOKENS_PER_REQUEST = 1000;
  static final String INPUT = "InputTokenCount";
  static final String OUTPUT = "OutputTokenCount";

  /**
   * Minutes of traffic CloudWatch holds before the controller's first pass (callers served on
   * demand and throttled: no routes yet), so the first pass has demand to plan from.
   */
  static final int HISTORY_MINUTES = 120;

  final CapacityConfig config;
  final SimulatedCloud cloud;
  final FakeClock clock;
  final MetricWorld metrics = new MetricWorld(Instant.EPOCH); // only the datapoints played
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final Map<String, Double> demandTps = new LinkedHashMap<>();
  final List<Pass> passes = new ArrayList<>();

  private final InMemoryLeaseTable leaseTable = new InMemoryLeaseTable();
  private final InMemoryStateStore state = new InMemoryStateStore(leaseTable);
  private final Reconciler reconciler;
  // Output datapoints played, per minute and dimension, and whether new ones are held back.
  private final Map<Instant, Map<String, Double>> outputs = new HashMap<>();
  private final Map<Instant, Map<String, Double>> held = new LinkedHashMap<>();
  private boolean holding;
  private final boolean byModelId;
  private Observation seen; // what the planner was given in the latest pass

  /**
   * One pass: its report, the observation the planner was given, and the ObservedTps each model
   * published (absent when the newest minute read was a gap).
   */
  record Pass(PassReport report, Observation seen, Map<String, Double> observedTps) {
    ModelDecision decision(String model) {
      return report.plan().models().get(model);
    }

    DemandHistory demand(String model) {
      return seen.models().get(model).demand();
    }

    int inService(String model) {
      return seen.models().get(model).inServiceUnits();
    }
  }

  /**
   * @param metricsKind the config's {@code aws.metrics.kind}: {@code pt-arns} or {@code model-id}
   */
  SplitTokenWorld(String metricsKind, double chatTps, double embedTps) {
    // No schedule floor (0 units all day): the units held are the forecast's, so a misread minute
    // could trim them; the ECS tasks likewise (minTasks 4).
    config =
        TestConfig.empty()
            .model(CHAT)
            .model(EMBED)
            .set(EMBED, "modelId", "amazon.titan-embed-text-v2:0")
            .allDay(CHAT + ": 0, " + EMBED + ": 0")
            .ecs()
            .aws("metrics", "{ kind: " + metricsKind + " }")
            .build();
    cloud = new SimulatedCloud(config, START, 1);
    clock = cloud.clock();
    byModelId = MetricsSource.MODEL_ID.equals(config.aws().metrics().kind());
    demandTps.put(CHAT, chatTps);
    demandTps.put(EMBED, embedTps);
    CloudWatchMetricsAdapter adapter =
        new CloudWatchMetricsAdapter(
            metrics.client, config, model -> state.knownArns(model, clock.instant()));
    CloudPorts ports =
        new CloudPorts(cloud.bedrock(), adapter, cloud.ecs(), cloud.routes(), null, null);
    reconciler =
        new Reconciler(
            new WatchedPolicy(
                new Planner(config, CapacityCalendar.of(config)),
                (observation, overrides, now, plan) -> seen = observation),
            ports,
            state,
            new LeaseKeeper(leaseTable, Ticker.following(clock)),
            telemetry,
            clock,
            "daemon:split",
            LeaseTerms.DEFAULT_TTL);
    for (int m = HISTORY_MINUTES; m > 0; m--) {
      play(START.minus(Duration.ofMinutes(m)));
    }
  }

  /**
   * The first pass, its purchases put in service at once (an account that has been running), then
   * {@code minutes} more: the controller holds what steady demand needs.
   */
  SplitTokenWorld warmUp(int minutes) {
    step();
    cloud.bedrock().completeCreations();
    run(minutes);
    return this;
  }

  /**
   * This minute's traffic into CloudWatch, one pass (reading up to two minutes back), a minute on.
   */
  Pass step() {
    play(clock.instant());
    int published = telemetry.named("ObservedTps").size();
    PassReport report = reconciler.reconcileOnce();
    Map<String, Double> observed = new LinkedHashMap<>();
    List<RecordingTelemetry.Point> points = telemetry.named("ObservedTps");
    for (RecordingTelemetry.Point p : points.subList(published, points.size())) {
      observed.put(p.dimensions().get("Model"), p.value());
    }
    Pass pass = new Pass(report, seen, observed);
    passes.add(pass);
    clock.advance(Duration.ofMinutes(1));
    return pass;
  }

  List<Pass> run(int minutes) {
    List<Pass> out = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      out.add(step());
    }
    return out;
  }

  /** The minute the next pass reads last (the observer reads up to two minutes back). */
  Instant newestMinuteRead() {
    return clock.instant().minus(Duration.ofMinutes(2));
  }

  /**
   * CloudWatch has not published OutputTokenCount from {@code minute} on (those already played are
   * taken back: not landed yet), nor will until {@link #landOutput}; InputTokenCount keeps landing.
   */
  void holdOutputFrom(Instant minute) {
    holding = true;
    outputs.forEach(
        (at, byDimension) -> {
          if (!at.isBefore(minute)) {
            byDimension.forEach((dimension, v) -> metrics.remove(OUTPUT, dimension, at));
            held.put(at, byDimension);
          }
        });
  }

  /** Every OutputTokenCount datapoint held back lands, and new ones land with their input. */
  void landOutput() {
    held.forEach((at, byDimension) -> byDimension.forEach((d, v) -> metrics.set(OUTPUT, d, at, v)));
    held.clear();
    holding = false;
  }

  /** Units of the model's PTs that exist (billed whatever their state). */
  int billedUnits(String model) {
    return cloud.bedrock().billedUnits(config.model(model).modelId());
  }

  int deletes(String model) {
    return cloud.bedrock().deletes(config.model(model).modelId());
  }

  /** The ECS service's desired task count. */
  int desiredTasks() {
    return cloud.ecs().describe("shop", "api").desired();
  }

  /**
   * Bedrock's metrics of the minute starting at {@code minute}: each model's demand goes to its
   * routed PTs in proportion to their units up to their throughput, then on demand up to its quota;
   * the rest is throttled. Tokens and invocations are published under the ARN or model id that
   * served them ({@code pt-arns}), or all under the model id ({@code model-id}); throttles under
   * the model id.
   */
  private void play(Instant minute) {
    Map<String, ModelRoutes> routes = cloud.routes().read().map(t -> t.models()).orElse(Map.of());
    for (ModelConfig m : config.models().values()) {
      double tps = demandTps.get(m.key());
      ModelRoutes r = routes.get(m.key());
      List<Route> serving =
          r == null ? List.of() : r.routes().stream().filter(x -> !x.draining()).toList();
      int units = serving.stream().mapToInt(Route::units).sum();
      double viaPts = Math.min(tps, units * m.tokensPerSecondPerUnit());
      double onDemand = Math.min(tps - viaPts, m.onDemandTps());
      if (byModelId) {
        served(m, m.modelId(), minute, viaPts + onDemand);
      } else {
        for (Route pt : serving) {
          served(m, pt.arn(), minute, viaPts * pt.units() / units);
        }
        served(m, m.modelId(), minute, onDemand);
      }
      double throttled = tps - viaPts - onDemand;
      if (throttled > 0) {
        metrics.set("InvocationThrottles", m.modelId(), minute, requests(throttled));
      }
    }
  }

  private void served(ModelConfig m, String dimension, Instant minute, double tps) {
    if (tps <= 0) {
      return; // Bedrock publishes nothing for an id that served nothing
    }
    double tokens = tps * 60;
    metrics.set("Invocations", dimension, minute, requests(tps));
    if (m.key().equals(EMBED)) {
      metrics.set(INPUT, dimension, minute, tokens); // embeddings have no output tokens
      return;
    }
    metrics.set(INPUT, dimension, minute, tokens * INPUT_SHARE);
    double output = tokens * (1 - INPUT_SHARE);
    outputs.computeIfAbsent(minute, k -> new HashMap<>()).put(dimension, output);
    if (holding) {
      held.computeIfAbsent(minute, k -> new HashMap<>()).put(dimension, output);
    } else {
      metrics.set(OUTPUT, dimension, minute, output);
    }
  }

  private static double requests(double tps) {
    return tps * 60 / TOKENS_PER_REQUEST;
  }
}
