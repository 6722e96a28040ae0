package io.capacityctl.cli;

import static io.capacityctl.aws.EndToEndWorld.INITIAL_TASKS;
import static io.capacityctl.aws.EndToEndWorld.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.aws.EndToEndWorld;
import io.capacityctl.fake.bedrock.BedrockErrorCode;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.fake.bedrock.RecordedCall;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.Lease;
import io.capacityctl.testing.MotoServer;
import io.capacityctl.testing.SdkEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator CLI exactly as shipped ({@code Main.run} in the real environment, {@code --cloud
 * aws}, the system clock) against the emulators, reached the way an operator would point it at
 * them: the SDK's endpoint and credential settings. Bedrock is the wire fake, CloudWatch, ECS, SSM,
 * STS and the state table are moto. The config wants 4 units of one model all day, bought in PTs of
 * 2; no traffic has been seen, so the schedule alone decides. Skipped without moto_server.
 */
class CliOnEmulatorsTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DAEMON = "daemon:ecs-task";

  @TempDir Path dir;
  EndToEndWorld world;
  SdkEndpoints endpoints;
  String config;

  @BeforeEach
  void start() throws IOException {
    world = EndToEndWorld.stateInEmulator(MOTO);
    world.clock.set(Instant.now()); // the fake's PTs age on the CLI's clock
    endpoints = world.sdkEndpoints();
    config = Files.writeString(dir.resolve("e2e.yaml"), EndToEndWorld.CONFIG).toString();
  }

  @AfterEach
  void stop() {
    endpoints.close();
    world.close();
  }

  @Test
  void planApplyOverridesEventsAndStatusWorkOnTheAccount() {
    CliRun plan = cli("plan --output json");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(json(plan).at("/plan/models/" + MODEL + "/targetUnits").asInt()).isEqualTo(4);
    assertThat(world.bedrock.plane().purchases()).as("plan changes nothing").isZero();

    // apply buys the schedule's 4 units as two 2-unit PTs and sets the ECS service, under the
    // lease it gives back.
    JsonNode applied = json(cli("apply --yes --output json")).get("applied");
    assertThat(applied.get("outcome").asText()).isEqualTo("ACTED");
    String holder = applied.get("holder").asText();
    assertThat(holder).startsWith("cli:arn:aws:");
    assertThat(createdUnits()).containsExactly(2, 2);
    int tasks = applied.at("/plan/ecs/targetTasks").asInt();
    assertThat(tasks).isGreaterThan(INITIAL_TASKS);
    assertThat(world.desiredCount()).isEqualTo(tasks);
    assertThat(world.leases.current(Instant.now())).isEmpty();
    assertThat(passEntries())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo(holder))
        .allSatisfy(
            e -> assertThat(e.fencingToken()).isEqualTo(applied.get("fencingToken").asLong()));

    // An override set from the CLI is stored in DynamoDB and changes the next apply.
    CliRun set =
        cli("override set --model " + MODEL + " --units 6 --for 2h --reason", "final chapter");
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(world.state.activeOverrides(Instant.now()))
        .singleElement()
        .extracting(CapacityOverride::target, CapacityOverride::amount)
        .containsExactly(MODEL, 6);
    assertThat(json(cli("override list --output json")).get(0).get("amount").asInt()).isEqualTo(6);
    JsonNode steered = json(cli("apply --yes --output json")).get("applied");
    assertThat(steered.at("/plan/models/" + MODEL + "/targetUnits").asInt()).isEqualTo(6);
    assertThat(steered.at("/plan/models/" + MODEL + "/reason").asText()).contains("final chapter");
    assertThat(createdUnits()).containsExactly(2, 2, 2);
    CliRun cleared = cli("override clear --model " + MODEL + " --reason done");
    assertThat(cleared.code()).as(cleared.err()).isZero();
    assertThat(world.state.activeOverrides(Instant.now())).isEmpty();

    // Events added go to the state table, are listed, and can be removed.
    CliRun added =
        cli(
            "events add --name finale --start 2030-01-07T00:00Z --duration 8h --multiplier 3"
                + " --lead-time 4h --models "
                + MODEL);
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(world.state.extraEvents())
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("finale"))
        .satisfies(e -> assertThat(e.multiplier()).isEqualTo(3.0));
    JsonNode listed = json(cli("events list --output json"));
    assertThat(listed.findValuesAsText("name")).contains("finale");
    assertThat(cli("events remove --name finale").code()).isZero();
    assertThat(world.state.extraEvents()).isEmpty();
    CliRun again = cli("events remove --name finale");
    assertThat(again.code()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(again.out()).contains("no added event named finale");

    // status reads it all back: six units creating, the ECS service, no lease, the audit trail.
    JsonNode status = json(cli("status --output json"));
    JsonNode model = status.get("models").get(0);
    assertThat(model.get("model").asText()).isEqualTo(MODEL);
    assertThat(model.get("creatingUnits").asInt()).isEqualTo(6);
    assertThat(model.get("inServiceUnits").asInt()).isZero();
    assertThat(status.at("/ecs/desired").asInt()).isEqualTo(world.desiredCount());
    assertThat(status.get("lease").isNull()).isTrue();
    assertThat(status.get("lastActions").findValuesAsText("kind"))
        .contains("create-pt", "set-ecs", "override-set", "override-clear");
  }

  @Test
  void healthIsZeroWhileAControllerKeepsUpAndOneWhenTheLastApplyWasDenied() {
    assertThat(cli("apply --yes").code()).isZero();
    int tasks = world.desiredCount();
    Lease daemon =
        world.leases.tryAcquire(DAEMON, Instant.now(), Duration.ofMinutes(3)).orElseThrow();

    CliRun healthy = cli("health");
    assertThat(healthy.code()).as(healthy.out()).isZero();
    assertThat(healthy.out()).contains("held by " + DAEMON);

    // A running controller holds the lease: apply refuses (steer it with an override instead).
    cli("override set --model " + MODEL + " --units 8 --for 1h --reason peak");
    CliRun refused = cli("apply --yes");
    assertThat(refused.code()).as(refused.out()).isEqualTo(ExitCodes.NOT_APPLIED);
    assertThat(createdUnits()).containsExactly(2, 2);

    // Incident 4: the role lost its Bedrock permissions. apply fails loudly, ECS stays with
    // what Bedrock can serve, and health exits 1 naming the denied action.
    world.leases.release(daemon);
    world.bedrock.failNext(PtOperation.CREATE, 20, BedrockErrorCode.ACCESS_DENIED);
    CliRun denied = cli("apply --yes");
    assertThat(denied.code()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(denied.out() + denied.err())
        .contains("ACCESS_DENIED")
        .contains("bedrock:CreateProvisionedModelThroughput");
    assertThat(world.bedrock.plane().purchases()).isEqualTo(2);
    assertThat(world.desiredCount()).isEqualTo(tasks);

    CliRun unhealthy = cli("health");
    assertThat(unhealthy.code()).as(unhealthy.out()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(unhealthy.out())
        .contains("last action failed")
        .contains("bedrock:CreateProvisionedModelThroughput")
        .contains("UNHEALTHY");
  }

  /**
   * {@code capacityctl WORDS... QUOTED... --config FILE}: {@code command} split at spaces, then
   * arguments that hold spaces themselves.
   */
  private CliRun cli(String command, String... quoted) {
    return CliRun.system(
        Stream.of(command.split(" "), quoted, new String[] {"--config", config})
            .flatMap(Stream::of)
            .toArray(String[]::new));
  }

  /** Units of each PT bought, in order, as the Bedrock fake received them. */
  private List<Integer> createdUnits() {
    List<Integer> units = new ArrayList<>();
    for (RecordedCall call : world.bedrock.calls(PtOperation.CREATE)) {
      if (call.errorCode() == null) {
        units.add(json(call.body()).get("modelUnits").asInt());
      }
    }
    return units;
  }

  /** Audit entries written by a reconcile pass (operators' entries carry no fencing token). */
  private List<AuditEntry> passEntries() {
    return world.state.recentAudit(100).stream().filter(e -> e.fencingToken() > 0).toList();
  }

  private static JsonNode json(CliRun run) {
    assertThat(run.code()).as(run.err()).isZero();
    return json(run.out());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
