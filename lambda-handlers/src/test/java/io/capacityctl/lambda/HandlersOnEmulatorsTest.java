package io.capacityctl.lambda;

import static io.capacityctl.aws.EndToEndWorld.INITIAL_TASKS;
import static io.capacityctl.aws.EndToEndWorld.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.capacityctl.aws.EndToEndWorld;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.fake.bedrock.BedrockErrorCode;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.health.UnhealthyException;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.testing.EmfShipper;
import io.capacityctl.testing.MotoServer;
import io.capacityctl.testing.Reloaders;
import io.capacityctl.testing.SdkEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The three handlers on the graph their public constructors build ({@link LambdaComponent}: the AWS
 * cloud and clients modules), with the SDK pointed at the Bedrock fake and moto and the graph on
 * the fake clock, invoked with EventBridge payloads. What each invocation prints goes through
 * {@link EmfShipper} into moto's CloudWatch, as CloudWatch Logs does with a function's output, so
 * the health check and the waste report read back what the passes published. The config wants 4
 * units all day, in PTs of 2. Skipped without moto_server.
 */
class HandlersOnEmulatorsTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final String RECONCILE = "capacityctl-reconcile";
  static final String DENIED = "ACCESS_DENIED on bedrock:CreateProvisionedModelThroughput";

  EndToEndWorld world;
  SdkEndpoints endpoints;
  EmfShipper logs;

  /** The graph a handler runs on; the configuration never changes here. */
  LiveGraph graph;

  @BeforeEach
  void start() {
    world = EndToEndWorld.stateInEmulator(MOTO);
    endpoints = world.sdkEndpoints();
    logs = new EmfShipper(world.cloudWatch);
    LambdaComponent component =
        DaggerLambdaComponent.factory()
            .create(world.config, world.cloudModule(), world.clientsModule());
    graph =
        new LiveGraph(
            Reloaders.unchanging(world.config, world.clock, world.telemetry), c -> component);
    world.registerScalableTarget(INITIAL_TASKS, 20);
  }

  @AfterEach
  void stop() {
    endpoints.close();
    world.close();
  }

  @Test
  void eachTickBuysUnderItsOwnLeaseRaisesTheEcsFloorAndReturnsItsSummary() {
    Map<String, Object> first = reconcile(Sim.SCHEDULER_EVENT);

    assertThat(first.get("outcome")).isEqualTo("ACTED");
    String holder = (String) first.get("holder");
    assertThat(holder).startsWith("lambda:" + RECONCILE + ":req-");
    assertThat(target(first, MODEL)).isEqualTo(4);
    assertThat(world.bedrock.plane().purchases()).isEqualTo(2);
    int tasks = target(first, "ecs");
    assertThat(tasks).isGreaterThan(INITIAL_TASKS);
    assertThat(world.scalableTarget().minCapacity()).isEqualTo(tasks);
    assertThat(world.leases.current(world.clock.instant())).as("given back").isEmpty();
    assertThat(world.state.recentAudit(50))
        .extracting(AuditEntry::kind, AuditEntry::actor, AuditEntry::fencingToken)
        .containsExactly(
            tuple("create-pt", holder, first.get("fencingToken")),
            tuple("create-pt", holder, first.get("fencingToken")),
            tuple("set-ecs", holder, first.get("fencingToken")));

    world.clock.advance(Duration.ofMinutes(1));
    Map<String, Object> second = reconcile(Sim.RULE_EVENT);

    assertThat(second.get("holder")).isNotEqualTo(holder);
    assertThat((Long) second.get("fencingToken")).isGreaterThan((Long) first.get("fencingToken"));
    assertThat(second.get("outcome")).isEqualTo("NO_CHANGE"); // 4 units creating: nothing to buy
    assertThat(world.bedrock.plane().purchases()).isEqualTo(2);
  }

  @Test
  void incidentFourTheFailedPassIsLoggedAndThrownAndTheHealthInvocationFails() {
    world.bedrock.failNext(PtOperation.CREATE, 20, BedrockErrorCode.ACCESS_DENIED);

    try (CapturedLogs captured = CapturedLogs.open()) {
      assertThatThrownBy(() -> reconcile(Sim.SCHEDULER_EVENT))
          .isInstanceOf(ReconcileFailedException.class)
          .hasMessageContaining("pass FAILED")
          .hasMessageContaining(DENIED);
      assertThat(captured.events())
          .filteredOn(e -> e.getLevel() == Level.ERROR)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.getMessage().getFormattedMessage())
                      .contains("outcome=FAILED")
                      .contains(DENIED));
    }
    // Nothing was bought, so ECS was not raised past what on-demand serves (incident 4: 35 tasks
    // on 8 units), and the lease was given back all the same.
    assertThat(world.bedrock.plane().purchases()).isZero();
    assertThat(world.scalableTarget().minCapacity()).isEqualTo(INITIAL_TASKS);
    assertThat(world.leases.current(world.clock.instant())).isEmpty();

    world.clock.advance(Duration.ofMinutes(1));
    HealthCheckHandler health = new HealthCheckHandler(graph);
    assertThatThrownBy(() -> invoke(health, Sim.RULE_EVENT, "capacityctl-health"))
        .isInstanceOf(UnhealthyException.class)
        .hasMessageStartingWith("UNHEALTHY: ")
        .hasMessageContaining("capacity " + MODEL)
        .hasMessageContaining("bedrock:CreateProvisionedModelThroughput");
    assertThat(latest("Healthy")).isEqualTo(0.0);
    assertThat(latest("CapacityMismatch")).isGreaterThanOrEqualTo(1.0);
  }

  /**
   * Six ticks at 900 tokens/s (less than on-demand alone serves, so every minute is fully served):
   * the units bought on the first come up on the next (a PT that is faster than configured), the
   * health check passes, and the weekly report counts each minute with the units the passes
   * published and the tokens Bedrock recorded.
   */
  @Test
  void ticksKeepCapacityAtPlanSoHealthPassesAndTheWeeklyReportCountsEachMinute() {
    world.bedrock.plane().provisioningTime(Duration.ofMinutes(1));
    double demandTps = 900;
    for (int minute = 0; minute < 6; minute++) {
      world.playMinute(demandTps);
      reconcile(Sim.SCHEDULER_EVENT);
      world.clock.advance(Duration.ofMinutes(1));
    }
    Map<Instant, Double> units = publishedInServiceUnits();
    assertThat(units).hasSize(6).containsValue(4.0);

    Map<String, Object> healthy =
        invoke(new HealthCheckHandler(graph), Sim.RULE_EVENT, "capacityctl-health");
    assertThat(healthy.get("healthy")).as(String.valueOf(healthy)).isEqualTo(true);
    assertThat(latest("Healthy")).isEqualTo(1.0);

    // The weekly report runs in a later hour: the minutes above are in whole hours by then.
    world.clock.set(world.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
    Map<String, Object> report =
        invoke(new WasteReportHandler(graph), Sim.RULE_EVENT, "capacityctl-waste");

    Map<?, ?> haiku = (Map<?, ?>) ((Map<?, ?>) report.get("models")).get(MODEL);
    List<?> hours = (List<?>) haiku.get("hours");
    Map<Integer, Integer> minutesPerHour = new LinkedHashMap<>();
    double wasted = 0;
    ModelConfig m = world.config.model(MODEL);
    for (Map.Entry<Instant, Double> e : units.entrySet()) {
      minutesPerHour.merge(e.getKey().atZone(ZoneOffset.UTC).getHour(), 1, Integer::sum);
      double provisioned = e.getValue() * m.tokensPerSecondPerUnit();
      if (provisioned > 0) {
        wasted += e.getValue() * m.unitHourlyUsd() / 60 * (1 - demandTps / provisioned);
      }
    }
    minutesPerHour.forEach(
        (hour, minutes) ->
            assertThat(((Map<?, ?>) hours.get(hour)).get("minutes")).isEqualTo(minutes));
    assertThat(haiku.get("unobservedMinutes")).isEqualTo(7 * 24 * 60 - 6);
    assertThat((Double) ((Map<?, ?>) haiku.get("total")).get("wastedUsd"))
        .isCloseTo(wasted, within(1e-9))
        .isPositive();
  }

  private Map<String, Object> reconcile(String event) {
    return invoke(new ReconcileHandler(graph), event, RECONCILE);
  }

  private Map<String, Object> invoke(
      RequestHandler<Map<String, Object>, Map<String, Object>> handler,
      String event,
      String function) {
    return logs.run(() -> handler.handleRequest(Sim.event(event), Sim.context(function)));
  }

  /** InServiceUnits per pass, from the EMF documents shipped (what the report reads back). */
  private Map<Instant, Double> publishedInServiceUnits() {
    Map<Instant, Double> units = new LinkedHashMap<>();
    for (JsonNode doc : logs.shipped()) {
      if (doc.has("InServiceUnits")) {
        units.put(
            Instant.ofEpochMilli(doc.get("_aws").get("Timestamp").asLong()),
            doc.get("InServiceUnits").asDouble());
      }
    }
    return units;
  }

  /** The newest value of a controller metric (no dimensions) in moto's CloudWatch. */
  private double latest(String metric) {
    Instant now = world.clock.instant();
    MetricDataResult r =
        world
            .cloudWatch
            .getMetricData(
                q ->
                    q.startTime(now.minus(Duration.ofHours(1)))
                        .endTime(now.plus(Duration.ofMinutes(1)))
                        .metricDataQueries(
                            d ->
                                d.id("m")
                                    .metricStat(
                                        s ->
                                            s.metric(
                                                    x ->
                                                        x.namespace("capacityctl")
                                                            .metricName(metric))
                                                .period(60)
                                                .stat("Maximum"))))
            .metricDataResults()
            .get(0);
    assertThat(r.values()).as(metric + " in CloudWatch").isNotEmpty();
    return r.values().get(0); // newest first
  }

  @SuppressWarnings("unchecked")
  private static int target(Map<String, Object> pass, String target) {
    Map<String, Object> targets = (Map<String, Object>) pass.get("targets");
    return (Integer) ((Map<String, Object>) targets.get(target)).get("target");
  }
}
