package io.capacityctl.aws;

import static io.capacityctl.aws.EndToEndWorld.HOLDER;
import static io.capacityctl.aws.EndToEndWorld.INITIAL_TASKS;
import static io.capacityctl.aws.EndToEndWorld.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.aws.ssm.SsmParameter;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.fake.bedrock.RecordedCall;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTableJson;
import io.capacityctl.routing.RouteTableReader;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.Lease;
import io.capacityctl.testing.EmfShipper;
import io.capacityctl.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The reconcile path on every real adapter, composed by {@link AwsCloudModule}: Bedrock through the
 * wire fake, CloudWatch, ECS, Application Auto Scaling and SSM through moto, state and lease on
 * DynamoDB Local. A simulated hour, minute by minute: Bedrock's metrics of the minute go into moto
 * as callers following the published routing table would produce them, one pass runs, the clock
 * moves on. Skipped (with the install hint) where moto_server is absent.
 *
 * <p>The scenario: the schedule wants 4 units; a committed 1-unit PT exists (a floor, never
 * deleted) and another team's 2-unit PT serves the same model (never touched, never routed). Demand
 * is 4,000 tps for half an hour, then 6,000 tps.
 */
class AwsReconcileEndToEndTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final int HOUR = 60;
  static final ObjectMapper JSON = new ObjectMapper();

  AmazonDynamoDBLocal dynamoLocal;
  EndToEndWorld world;
  String committed;
  String foreign;

  static double demandTps(int minute) {
    return minute < 30 ? 4000 : 6000;
  }

  @BeforeEach
  void start() {
    dynamoLocal = DynamoDBEmbedded.create(true);
    world = new EndToEndWorld(MOTO, dynamoLocal.dynamoDbClient());
    String modelId = world.config.model(MODEL).modelId();
    committed = world.bedrock.plane().seed("reserved-haiku", modelId, 1, "OneMonth", Map.of());
    foreign =
        world.bedrock.plane().seed("search-haiku", modelId, 2, null, Map.of("team", "search"));
  }

  @AfterEach
  void stop() {
    world.close();
    dynamoLocal.shutdown();
  }

  @Test
  void aSimulatedHourEndsWithThePlannedPtsRoutesEcsFloorMetricsAndAudit() {
    world.registerScalableTarget(INITIAL_TASKS, 20);

    Run run = run(HOUR);

    assertThat(run.reports()).noneMatch(PassReport::failed);
    int target = run.last().plan().models().get(MODEL).targetUnits();
    // 6,000 tps needs at least 5 units next to 1,000 tps on demand; the schedule alone gave 4.
    assertThat(target).isBetween(5, world.config.model(MODEL).maxUnits());
    List<ProvisionedThroughput> ours = ourPts();
    assertThat(ours).allSatisfy(this::isOursAndInService);
    assertThat(ours.stream().mapToInt(ProvisionedThroughput::modelUnits).sum() + 1)
        .as("ours plus the committed unit")
        .isEqualTo(target);
    assertPurchasesFollowTheBlockRule(run);
    // Demand only rose: nothing was bought twice, nothing drained or deleted.
    assertThat(world.bedrock.plane().purchases()).isEqualTo(ours.size());
    assertThat(world.bedrock.plane().arns()).contains(committed, foreign);

    assertRoutesListExactlyTheInServiceArns(ours);
    assertThat(world.scalableTarget().minCapacity())
        .isEqualTo(run.last().plan().ecs().targetTasks())
        .isGreaterThan(INITIAL_TASKS);
    assertThat(world.desiredCount())
        .as("desiredCount stays with target tracking")
        .isEqualTo(INITIAL_TASKS);
    assertPublishedMetrics(run, target, demandTps(HOUR - 1));
    assertAuditInOrderUnderTheLease(run, ours.size());
    // The pt-arns metrics source keeps querying these after a PT is gone; never the foreign one.
    assertThat(world.state.knownArns(MODEL, world.clock.instant()))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(ours.stream().map(ProvisionedThroughput::arn), Stream.of(committed))
                .toList());
  }

  @Test
  void withoutAScalableTargetThePassSetsTheServicesDesiredCount() {
    Run run = run(5);

    int planned = run.last().plan().ecs().targetTasks();
    assertThat(planned).isGreaterThan(INITIAL_TASKS);
    assertThat(world.desiredCount()).isEqualTo(planned);
    assertThat(
            world
                .autoScaling
                .describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .scalableTargets())
        .isEmpty();
    assertThat(world.state.recentAudit(100))
        .filteredOn(e -> e.kind().equals("set-ecs"))
        .extracting(AuditEntry::detail)
        .containsExactly("set ECS tasks " + INITIAL_TASKS + " -> " + planned);
  }

  /** What a run produced: one report per pass and the EMF documents printed, in order. */
  record Run(List<PassReport> reports, List<JsonNode> emf) {
    PassReport last() {
      return reports.get(reports.size() - 1);
    }
  }

  /**
   * Each minute: the minute's Bedrock metrics into moto (traffic sent where the last published
   * routes say), one reconcile pass, the clock a minute on. Stdout is captured for EMF.
   */
  private Run run(int minutes) {
    Reconciler reconciler = world.reconciler();
    List<PassReport> reports = new ArrayList<>();
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (int minute = 0; minute < minutes; minute++) {
        world.playMinute(demandTps(minute));
        reports.add(reconciler.reconcileOnce());
        world.clock.advance(Duration.ofMinutes(1));
      }
    } finally {
      System.setOut(stdout);
    }
    return new Run(reports, EmfShipper.documents(captured.toString(StandardCharsets.UTF_8)));
  }

  private List<ProvisionedThroughput> ourPts() {
    return world.cloud.bedrock().list(world.config.model(MODEL).modelId()).stream()
        .filter(p -> p.managedBy(world.config.name(), MODEL))
        .toList();
  }

  private void isOursAndInService(ProvisionedThroughput pt) {
    assertThat(pt.status()).isEqualTo(PtStatus.IN_SERVICE);
    assertThat(pt.committed()).isFalse();
    assertThat(pt.name()).startsWith(world.config.aws().ptNamePrefix() + MODEL + "-");
    assertThat(pt.tags())
        .containsEntry(ProvisionedThroughput.TAG_MANAGED_BY, ProvisionedThroughput.MANAGED_BY_VALUE)
        .containsEntry(ProvisionedThroughput.TAG_CONFIG, world.config.name())
        .containsEntry(ProvisionedThroughput.TAG_MODEL, MODEL);
  }

  /**
   * Block rule (blockUnits 2): each pass buys its step as full 2-unit PTs plus at most one smaller
   * remainder, as the fake received them. The first pass, with no metrics yet, raised to the
   * schedule's 4 units: 3 past the committed one, bought as 2 + 1.
   */
  private void assertPurchasesFollowTheBlockRule(Run run) {
    int block = world.config.policy().blockUnits();
    Map<String, List<Integer>> byPass = new LinkedHashMap<>();
    for (RecordedCall call : world.bedrock.calls(PtOperation.CREATE)) {
      JsonNode body = json(call.body());
      // Names end in -<minute of the pass>-s<slot>: group the purchases by pass.
      String name = body.get("provisionedModelName").asText();
      String pass = name.substring(0, name.lastIndexOf("-s"));
      byPass.computeIfAbsent(pass, k -> new ArrayList<>()).add(body.get("modelUnits").asInt());
    }
    assertThat(byPass.values()).first().isEqualTo(List.of(2, 1));
    for (List<Integer> sizes : byPass.values()) {
      int step = sizes.stream().mapToInt(Integer::intValue).sum();
      List<Integer> blocks = new ArrayList<>(Collections.nCopies(step / block, block));
      if (step % block > 0) {
        blocks.add(step % block);
      }
      assertThat(sizes).isEqualTo(blocks);
    }
  }

  /** The JSON in SSM, as applications read it: our in-service PTs and the committed one. */
  private void assertRoutesListExactlyTheInServiceArns(List<ProvisionedThroughput> ours) {
    String parameter = world.config.aws().routesParameter();
    String json = world.ssm.getParameter(r -> r.name(parameter)).parameter().value();
    ModelRoutes routes = RouteTableJson.read(json).models().get(MODEL);

    Map<String, Integer> expected = new LinkedHashMap<>();
    ours.forEach(p -> expected.put(p.arn(), p.modelUnits()));
    expected.put(committed, 1);
    assertThat(routes.onDemandModelId()).isEqualTo(world.config.model(MODEL).modelId());
    assertThat(routes.routes()).noneMatch(Route::draining);
    assertThat(routes.routes().stream().collect(Collectors.toMap(Route::arn, Route::units)))
        .isEqualTo(expected);
    RouteTableReader app =
        new RouteTableReader(new SsmParameter(world.ssm, parameter)::read, world.clock);
    assertThat(app.pick(MODEL)).get().isIn(expected.keySet());
  }

  /** Every pass published its metrics; the last pass's values describe the final state. */
  private void assertPublishedMetrics(Run run, int units, double tps) {
    List<JsonNode> model = documentsWith(run, "Model");
    List<JsonNode> controller = documentsWith(run, "Heartbeat");
    assertThat(controller).hasSize(run.reports().size());
    assertThat(controller)
        .allSatisfy(
            d ->
                assertThat(d.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText())
                    .isEqualTo("capacityctl"));
    JsonNode lastModel = model.get(model.size() - 1);
    double provisioned = units * world.config.model(MODEL).tokensPerSecondPerUnit();
    assertThat(lastModel.get("Model").asText()).isEqualTo(MODEL);
    assertThat(lastModel.get("TargetUnits").asDouble()).isEqualTo(units);
    assertThat(lastModel.get("InServiceUnits").asDouble()).isEqualTo(units);
    assertThat(lastModel.get("ProvisionedTps").asDouble()).isEqualTo(provisioned);
    assertThat(lastModel.get("ObservedTps").asDouble()).isCloseTo(tps, within(1e-6));
    assertThat(lastModel.get("WasteRatio").asDouble())
        .isCloseTo(1 - tps / provisioned, within(1e-9));
    JsonNode last = controller.get(controller.size() - 1);
    assertThat(last.get("Heartbeat").asDouble()).isEqualTo(1);
    assertThat(last.get("ReconcileErrors").asDouble()).isZero();
    assertThat(last.get("CapacityMismatch").asDouble()).isZero();
    assertThat(last.get("EcsDesired").asDouble()).isEqualTo(INITIAL_TASKS);
    assertThat(last.has("EcsRunning")).isTrue();
    assertThat(last.get("_aws").get("Timestamp").asLong())
        .isEqualTo(run.last().at().toEpochMilli());
  }

  private static List<JsonNode> documentsWith(Run run, String field) {
    return run.emf().stream().filter(d -> d.has(field)).toList();
  }

  /**
   * The audit log in DynamoDB: only purchases and ECS floors (no churn), each pass's Bedrock
   * scale-up before its ECS step, all under the one lease's fencing token.
   */
  private void assertAuditInOrderUnderTheLease(Run run, int purchases) {
    List<AuditEntry> audit = world.state.recentAudit(1000);
    Lease lease = world.leases.current(world.clock.instant()).orElseThrow();
    assertThat(lease.holder()).isEqualTo(HOLDER);
    assertThat(audit).allSatisfy(e -> assertThat(e.fencingToken()).isEqualTo(lease.fencingToken()));
    Instant firstPass = run.reports().get(0).at();
    assertThat(audit.subList(0, 3))
        .extracting(AuditEntry::at, AuditEntry::kind)
        .containsExactly(
            tuple(firstPass, "create-pt"),
            tuple(firstPass, "create-pt"),
            tuple(firstPass, "set-ecs"));
    assertThat(audit).extracting(AuditEntry::kind).containsOnly("create-pt", "set-ecs");
    assertThat(audit).filteredOn(e -> e.kind().equals("create-pt")).hasSize(purchases);
    for (int i = 1; i < audit.size(); i++) {
      AuditEntry before = audit.get(i - 1);
      AuditEntry after = audit.get(i);
      assertThat(after.at()).isAfterOrEqualTo(before.at());
      if (after.at().equals(before.at())) {
        assertThat(before.kind() + " then " + after.kind()).isNotEqualTo("set-ecs then create-pt");
      }
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
