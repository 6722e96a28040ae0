package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.state.Lease;
import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconcile path against the simulated cloud: PTs are bought, come into service after the
 * provisioning time and only then are routed; a repeated pass never buys twice.
 */
class ReconcilerLifecycleTest {
  private final SimFixture sim = new SimFixture(TestConfig.sonnet(5).build());

  @Test
  void boughtPtsAreRoutedOnlyOnceInService() {
    PassReport first = sim.at(0).pass();

    assertThat(first.outcome()).isEqualTo(PassReport.Outcome.ACTED);
    assertThat(sim.pts("sonnet"))
        .hasSize(5)
        .allMatch(pt -> pt.status() == PtStatus.CREATING && pt.modelUnits() == 1)
        .allMatch(pt -> pt.managedBy("shop", "sonnet"));
    assertThat(sim.routed("sonnet")).isEmpty();

    for (int minute = 1; minute < 15; minute++) {
      sim.at(minute).pass();
      assertThat(sim.routed("sonnet")).as("minute %d", minute).isEmpty();
    }
    assertThat(sim.pts("sonnet")).allMatch(pt -> pt.status() == PtStatus.CREATING);

    sim.at(15).pass(); // PT15M after the purchase

    assertThat(sim.pts("sonnet")).allMatch(pt -> pt.status() == PtStatus.IN_SERVICE);
    assertThat(sim.routedUnits("sonnet")).isEqualTo(5);
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isEqualTo(5);
  }

  @Test
  void aSecondControllerIsSkippedWhileTheLeaseIsHeld() {
    sim.at(0).pass();

    PassReport second = sim.reconciler("daemon").reconcileOnce();

    assertThat(second.outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD);
    assertThat(second.warnings()).anyMatch(w -> w.contains("lease held by test"));
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isEqualTo(5);
  }

  @Test
  void aDuplicatedPassInTheSameMinuteBuysNothingTwice() {
    sim.at(0).pass();

    // A second controller that does not share the lease (e.g. a misconfigured table): it lists
    // the PTs still Creating and counts them.
    PassReport duplicate = sim.reconcilerOnItsOwnTable("lambda").reconcileOnce();

    assertThat(duplicate.outcome()).isEqualTo(PassReport.Outcome.NO_CHANGE);
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isEqualTo(5);
    assertThat(sim.pts("sonnet")).hasSize(5);
  }

  @Test
  void aRacingPassOnTheSameStaleViewSendsTheSameTokensAndBuysNothingTwice() {
    Instant now = sim.at(0).cloud.clock().instant();
    Planner planner = new Planner(sim.config, CapacityCalendar.of(sim.config));
    Snapshot before =
        new Observer(sim.config, sim.cloud.ports(), sim.state, planner.historyWindow())
            .observe(now);
    Plan plan = planner.plan(before.observation(), List.of(), now);
    Commands commands = Commands.of(sim.config, new Assessment(now, before, plan));

    actuator("a", now).apply(commands, before, now);
    // Observed before the first bought anything, acting 30 seconds later in the same minute, once
    // the first gave the lease back.
    PassReport racing = actuator("b", now).apply(commands, before, now.plusSeconds(30));

    assertThat(racing.failures()).isEmpty();
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isEqualTo(5);
    assertThat(sim.pts("sonnet")).hasSize(5);
  }

  /**
   * An actuator acting under a lease {@code holder} takes now (the previous holder gave it back).
   */
  private Actuator actuator(String holder, Instant now) {
    sim.leases.heldBy("a").ifPresent(sim.leases::release);
    Lease lease = sim.leases.tryAcquire(holder, now, Duration.ofMinutes(3)).orElseThrow();
    return new Actuator(
        sim.config,
        new ControlPlaneCalls(sim.cloud.ports()),
        sim.state,
        sim.telemetry,
        holder,
        new Fence(sim.leases, lease));
  }

  @Test
  void aPtStuckInCreatingIsReported() {
    sim.at(0).pass();
    ProvisionedThroughput stuck = sim.pts("sonnet").get(0);
    sim.cloud.bedrock().delayCreation(stuck.arn(), SimFixture.START.plus(Duration.ofDays(1)));

    PassReport report = sim.at(31).pass();

    assertThat(report.warnings())
        .anyMatch(w -> w.contains(stuck.arn()) && w.contains("stuck in Creating"));
    assertThat(sim.routedUnits("sonnet")).isEqualTo(4);
  }

  @Test
  void aFailedPtListTouchesNothingAndKeepsTheModelsRoutes() {
    sim.at(0).pass();
    sim.at(15).pass();
    sim.cloud
        .bedrock()
        .faults()
        .failNext(AwsAction.BEDROCK_LIST_PTS.iamAction(), CloudException.Kind.THROTTLING, 1);
    int published = sim.cloud.routes().publications();

    PassReport report = sim.at(16).pass();

    assertThat(report.warnings()).anyMatch(w -> w.contains("PT list failed"));
    assertThat(report.actions()).isEmpty();
    assertThat(report.plan().models().get("sonnet").held()).isTrue();
    assertThat(sim.routedUnits("sonnet")).isEqualTo(5);
    assertThat(sim.cloud.routes().publications()).isEqualTo(published);
  }
}
