package io.capacityctl.aws;

import static io.capacityctl.aws.EndToEndWorld.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.Planner;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.testing.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * Issue 17 point 5 on the real adapters: changing {@code ptNamePrefix} bought a second fleet (7 ->
 * 14 units), because only PTs named with the current prefix had their tags read. Tags, not names,
 * say whose a PT is: the controller keeps its fleet whatever it was named, and its heartbeat lands
 * in its state table for other configurations to read.
 */
class PrefixChangeEndToEndTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  AmazonDynamoDBLocal dynamoLocal;
  EndToEndWorld world;

  @BeforeEach
  void start() throws Exception {
    dynamoLocal = DynamoDBEmbedded.create(true);
    world = new EndToEndWorld(MOTO, dynamoLocal.dynamoDbClient());
  }

  @AfterEach
  void stop() {
    world.close();
    dynamoLocal.shutdown();
  }

  @Test
  void aChangedPtNamePrefixKeepsTheFleetAndBuysNothingAgain() throws Exception {
    List<PassReport> before = run(world.reconciler(), 10);
    assertThat(before).noneMatch(PassReport::failed);
    int bought = world.bedrock.plane().purchases();
    assertThat(bought).isPositive();
    CapacityConfig renamed =
        ConfigLoader.parse(
            EndToEndWorld.CONFIG.replace(
                "aws:\n  region: us-east-1\n",
                "aws:\n  region: us-east-1\n  ptNamePrefix: mangaassist-pt-\n"),
            "renamed.yaml");
    assertThat(renamed.aws().ptNamePrefix()).isEqualTo("mangaassist-pt-");
    CloudPorts ports =
        new AwsCloudModule(renamed, world.clock)
            .cloudPorts(
                world.bedrockClient,
                world.cloudWatch,
                world.ecs,
                world.autoScaling,
                world.ssm,
                world.dynamo,
                world.state,
                world.clock);
    Reconciler afterChange =
        new Reconciler(
            new Planner(renamed, CapacityCalendar.of(renamed)),
            ports,
            world.state,
            world.leases,
            world.telemetry,
            world.clock,
            "e2e-daemon",
            Duration.ofMinutes(5));

    List<PassReport> after = run(afterChange, 10);

    assertThat(after).noneMatch(PassReport::failed);
    assertThat(world.bedrock.plane().purchases()).as("no second fleet").isEqualTo(bought);
    List<ProvisionedThroughput> ours =
        ports.bedrock().list(renamed.model(MODEL).modelId()).stream()
            .filter(p -> p.managedBy(renamed.name(), MODEL))
            .toList();
    assertThat(ours)
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.name()).startsWith("capacityctl-e2e-");
              assertThat(p.tags())
                  .containsEntry(ProvisionedThroughput.TAG_STATE_TABLE, "capacityctl-e2e");
            });
    assertThat(after)
        .allSatisfy(r -> assertThat(r.warnings()).noneMatch(w -> w.contains("orphan")));
    ConfigHeartbeat beat = ports.heartbeats().read("capacityctl-e2e", "e2e").orElseThrow();
    assertThat(beat.claimedUntil())
        .isEqualTo(world.clock.instant().minus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(10)));
    assertThat(world.bedrock.plane().commitmentPurchases()).isEmpty();
  }

  private List<PassReport> run(Reconciler reconciler, int minutes) {
    List<PassReport> reports = new ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      world.playMinute(4000);
      reports.add(reconciler.reconcileOnce());
      world.clock.advance(Duration.ofMinutes(1));
    }
    return reports;
  }
}
