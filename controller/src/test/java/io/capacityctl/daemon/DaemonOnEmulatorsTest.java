package io.capacityctl.daemon;

import static io.capacityctl.aws.EndToEndWorld.INITIAL_TASKS;
import static io.capacityctl.aws.EndToEndWorld.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.EndToEndWorld;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.testing.MotoServer;
import io.capacityctl.testing.Reloaders;
import io.capacityctl.testing.SdkEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code capacityctl run} on the emulators: the daemon's AWS graph ({@link DaemonComponent.OnAws},
 * the modules {@code run --cloud aws} composes) with the SDK pointed at the Bedrock fake and moto,
 * on a clock running {@value #SPEED} times faster than real time (a pass every second), which the
 * Bedrock fake's Creating -> InService follows; its PTs come up in two minutes. Skipped without
 * moto_server.
 */
class DaemonOnEmulatorsTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final double SPEED = 60;
  static final String HOLDER = "daemon:ip-10-0-0-1:4242";
  static final Duration PATIENCE = Duration.ofSeconds(60); // real time, on a loaded machine

  EndToEndWorld world;
  SdkEndpoints endpoints;
  ScheduledExecutorService ticker;

  @BeforeEach
  void start() {
    world = EndToEndWorld.stateInEmulator(MOTO);
    endpoints = world.sdkEndpoints();
    world.registerScalableTarget(INITIAL_TASKS, 20);
    world.bedrock.plane().provisioningTime(Duration.ofMinutes(2));
    ticker = Executors.newSingleThreadScheduledExecutor();
    // The accelerated clock: a second of controller time every 1000 / SPEED ms.
    long tick = Math.round(1000 / SPEED);
    ticker.scheduleAtFixedRate(
        () -> world.clock.advance(Duration.ofSeconds(1)), tick, tick, TimeUnit.MILLISECONDS);
  }

  @AfterEach
  void stop() {
    ticker.shutdownNow();
    endpoints.close();
    world.close();
  }

  @Test
  void passesBuyTheScheduleAndRaiseTheEcsFloorServeHealthAndGiveTheLeaseBackOnStop() {
    Daemon daemon =
        new Daemon(
            new RunSettings(HOLDER, Duration.ofSeconds(60), 0, SPEED, Duration.ofSeconds(20)),
            new LiveGraph(
                Reloaders.unchanging(world.config, world.clock, world.telemetry),
                c ->
                    DaggerDaemonComponent_OnAws.factory()
                        .create(c, world.cloudModule(), world.clientsModule())),
            Optional.empty());
    daemon.start();
    try {
      DaemonProbe.waitFor(PATIENCE, () -> DaemonProbe.get(daemon, "/readyz").statusCode() == 200);
      // Passes go on until the purchases are in service on the accelerated clock.
      DaemonProbe.waitFor(PATIENCE, () -> inServiceUnits() == 4);
      DaemonProbe.waitFor(PATIENCE, () -> DaemonProbe.get(daemon, "/healthz").statusCode() == 200);

      assertThat(DaemonProbe.get(daemon, "/healthz").body()).contains("\"lastOutcome\":");
      assertThat(world.scalableTarget().minCapacity()).isGreaterThan(INITIAL_TASKS);
      assertThat(world.desiredCount())
          .as("desiredCount stays with target tracking")
          .isEqualTo(INITIAL_TASKS);
      assertThat(world.bedrock.plane().purchases())
          .as("two 2-unit PTs, never bought twice")
          .isEqualTo(2);
      assertThat(world.leases.current(world.clock.instant()))
          .hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(HOLDER));
    } finally {
      daemon.stop(); // what the SIGTERM hook runs
    }

    assertThat(world.leases.current(world.clock.instant())).isEmpty();
    List<AuditEntry> passes =
        world.state.recentAudit(100).stream().filter(e -> e.fencingToken() > 0).toList();
    assertThat(passes).extracting(AuditEntry::kind).contains("create-pt", "set-ecs");
    assertThat(passes).extracting(AuditEntry::actor).containsOnly(HOLDER);
  }

  private int inServiceUnits() {
    return world.cloud.bedrock().list(world.config.model(MODEL).modelId()).stream()
        .filter(p -> p.managedBy(world.config.name(), MODEL))
        .filter(p -> p.status() == PtStatus.IN_SERVICE)
        .mapToInt(ProvisionedThroughput::modelUnits)
        .sum();
  }
}
