package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.CloudException;
import io.capacityctl.runtime.PassSummary;
import io.capacityctl.testing.RecordingTelemetry;
import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rung of the degradation ladder reached through the reconcile path: full, schedule-only
 * (metrics missing), hold (control-plane circuit open), alarm (a terminal error).
 */
class ReconcilerDegradationTest {
  private static final String LIST = AwsAction.BEDROCK_LIST_PTS.iamAction();
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final String DESCRIBE = AwsAction.ECS_DESCRIBE_SERVICES.iamAction();

  /** 8 sonnet units, 20000 tps observed: every pass wants to buy units and tasks. */
  private static SimFixture busy() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(8).ecs().build());
    sim.ownPt("sonnet", 8);
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 20_000).at(200);
    return sim;
  }

  private static double lastLevel(SimFixture sim) {
    List<RecordingTelemetry.Point> levels = sim.telemetry.named("DegradationLevel");
    return levels.get(levels.size() - 1).value();
  }

  @Test
  void aNormalPassRunsFull() {
    SimFixture sim = busy();

    PassReport report = sim.pass();

    assertThat(report.degradation()).isEqualTo(DegradationLevel.FULL);
    assertThat(lastLevel(sim)).isZero();
    assertThat(report.actions()).isNotEmpty();
  }

  @Test
  void missingMetricsRunScheduleOnly() {
    SimFixture sim = busy();
    sim.cloud
        .metrics()
        .faults()
        .failAlways(
            AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction(), CloudException.Kind.UNAVAILABLE);

    PassReport report = sim.pass();

    assertThat(report.degradation()).isEqualTo(DegradationLevel.SCHEDULE_ONLY);
    assertThat(report.warnings()).anyMatch(w -> w.startsWith("degraded: schedule-only"));
    assertThat(lastLevel(sim)).isEqualTo(1);
    assertThat(sim.routedUnits("sonnet")).isEqualTo(8); // never down on a partial view
  }

  /** Three passes, minutes 200-202, with every PT list throttled: the circuit opens. */
  private static SimFixture throttledThreePasses() {
    SimFixture sim = busy();
    sim.cloud.bedrock().faults().failAlways(LIST, CloudException.Kind.THROTTLING);
    for (int m = 200; m <= 202; m++) {
      sim.at(m).pass();
    }
    return sim;
  }

  @Test
  void anOpenCircuitHoldsWithoutCallingBedrockOrEcs() {
    SimFixture sim = throttledThreePasses();
    assertThat(sim.reconciler.circuit().state()).isEqualTo(ControlPlaneCircuit.State.OPEN);
    int tasks = sim.cloud.ecs().desired();
    int updates = sim.cloud.ecs().updates();
    int creates = sim.cloud.bedrock().creates(sim.modelId("sonnet"));
    // One pending fault each: a call during the hold would consume it.
    sim.cloud.bedrock().faults().failNext(LIST, CloudException.Kind.ACCESS_DENIED, 1);
    sim.cloud.ecs().faults().failNext(DESCRIBE, CloudException.Kind.ACCESS_DENIED, 1);

    PassReport held = sim.at(203).pass();

    assertThat(held.degradation()).isEqualTo(DegradationLevel.HOLD);
    assertThat(held.outcome()).isEqualTo(PassReport.Outcome.NO_CHANGE);
    assertThat(held.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).startsWith("degraded: hold").contains("half-opens at"));
    assertThat(lastLevel(sim)).isEqualTo(2);
    assertThat(PassSummary.of(held)).containsEntry("degradation", "hold");
    assertThat(PassSummary.line(held)).startsWith("pass NO_CHANGE (degraded: hold) by test");
    assertThat(sim.telemetry.named("Heartbeat")).hasSize(4);
    assertThat(sim.cloud.ecs().desired()).isEqualTo(tasks);
    assertThat(sim.cloud.ecs().updates()).isEqualTo(updates);
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isEqualTo(creates);
    assertThatThrownBy(() -> sim.cloud.bedrock().list(sim.modelId("sonnet")))
        .hasMessageContaining("ACCESS_DENIED");
    assertThatThrownBy(() -> sim.cloud.ecs().describe("shop", "api"))
        .hasMessageContaining("ACCESS_DENIED");
  }

  @Test
  void theThirdThrottledPassWarnsThatTheNextOnesHold() {
    SimFixture sim = busy();
    sim.cloud.bedrock().faults().failAlways(LIST, CloudException.Kind.THROTTLING);
    sim.at(200).pass();
    sim.at(201).pass();

    PassReport third = sim.at(202).pass();

    assertThat(third.warnings()).anyMatch(w -> w.startsWith("next passes hold capacity"));
    assertThat(sim.cloud.bedrock().billedUnits(sim.modelId("sonnet"))).isEqualTo(8);
    assertThat(sim.cloud.bedrock().deletes(sim.modelId("sonnet"))).isZero();
  }

  @Test
  void afterTheCoolDownOnePassActsAndClosesTheCircuitWhenBedrockAnswers() {
    SimFixture sim = throttledThreePasses();
    sim.cloud.bedrock().faults().clear(LIST);

    assertThat(sim.at(206).pass().degradation()).isEqualTo(DegradationLevel.HOLD);
    PassReport probe = sim.at(207).pass(); // 5 minutes after opening at 202

    assertThat(probe.degradation()).isEqualTo(DegradationLevel.FULL);
    assertThat(probe.actions()).anyMatch(a -> a.startsWith("create sonnet PT"));
    assertThat(sim.reconciler.circuit().state()).isEqualTo(ControlPlaneCircuit.State.CLOSED);
  }

  @Test
  void aHalfOpenPassThatFailsAgainReopensTheCircuit() {
    SimFixture sim = throttledThreePasses();

    sim.at(207).pass();

    assertThat(sim.reconciler.circuit().state()).isEqualTo(ControlPlaneCircuit.State.OPEN);
    assertThat(sim.at(208).pass().degradation()).isEqualTo(DegradationLevel.HOLD);
  }

  @Test
  void accessDeniedRaisesTheAlarmLevelAndSkipsCallsThatWouldFailTheSameWay() {
    SimFixture sim =
        new SimFixture(
            TestConfig.sonnet(8)
                .model("haiku")
                .clearSchedule()
                .allDay("sonnet: 8, haiku: 4")
                .ecs()
                .build());
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 2_000);
    sim.traffic("haiku", 0, SimFixture.MINUTES, 2_000).at(200);
    sim.cloud.bedrock().faults().failAlways(CREATE, CloudException.Kind.ACCESS_DENIED);

    PassReport report = sim.pass();

    assertThat(report.degradation()).isEqualTo(DegradationLevel.ALARM);
    assertThat(lastLevel(sim)).isEqualTo(3);
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.awsAction()).isEqualTo(CREATE));
    assertThat(report.warnings())
        .anyMatch(w -> w.startsWith("degraded: alarm"))
        .anyMatch(w -> w.startsWith("skipped (denied earlier this pass): create"));
    // A terminal error is not a reason to open the circuit: the next pass tries again.
    assertThat(sim.reconciler.circuit().state()).isEqualTo(ControlPlaneCircuit.State.CLOSED);

    sim.cloud.bedrock().faults().clear(CREATE);
    PassReport recovered = sim.at(201).pass();

    assertThat(recovered.degradation()).isEqualTo(DegradationLevel.FULL);
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isPositive();
    assertThat(sim.cloud.bedrock().creates(sim.modelId("haiku"))).isPositive();
  }
}
