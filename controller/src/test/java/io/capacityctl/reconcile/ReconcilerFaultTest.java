package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS faults are never silent and never scale down: quota, AccessDenied, unreadable metrics or ECS,
 * and PTs capacityctl does not own.
 */
class ReconcilerFaultTest {
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();

  @Test
  void quotaExceededFailsThePassByNameAndStopsBuying() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(10).set("sonnet", "maxUnits", 10).build());
    // Another team's 4 units count against the same 10-unit quota.
    sim.cloud.bedrock().addForeign(sim.modelId("sonnet"), 4, "search-pt", Map.of("team", "search"));

    PassReport report = sim.at(0).pass();

    assertThat(report.outcome()).isEqualTo(PassReport.Outcome.FAILED);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(CloudException.Kind.QUOTA_EXCEEDED);
              assertThat(f.awsAction()).isEqualTo("bedrock:CreateProvisionedModelThroughput");
            });
    assertThat(sim.cloud.bedrock().creates(sim.modelId("sonnet"))).isEqualTo(6);
    assertThat(sim.telemetry.named("QuotaExceeded"))
        .singleElement()
        .satisfies(p -> assertThat(p.dimensions()).containsEntry("Model", "sonnet"));
    assertThat(sim.telemetry.named("ReconcileErrors").get(0).value()).isEqualTo(1);
  }

  /** 8 units in service, demand 20000 tps: the planner wants 20 units and 50 tasks. */
  private static SimFixture busyWithAccessDenied() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(8).ecs().build());
    sim.ownPt("sonnet", 8);
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 20_000).at(200);
    sim.cloud.bedrock().faults().failAlways(CREATE, CloudException.Kind.ACCESS_DENIED);
    return sim;
  }

  @Test
  void accessDeniedOnCreateHoldsEcsToWhatBedrockCanServe() {
    SimFixture sim = busyWithAccessDenied();

    PassReport report = sim.pass();

    assertThat(report.plan().ecs().targetTasks()).isEqualTo(50);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(CloudException.Kind.ACCESS_DENIED);
              assertThat(f.awsAction()).isEqualTo(CREATE);
            });
    // 8 units x 1000 + 5000 on demand = 13000 tps: 26 tasks of 500, not the 50 planned.
    assertThat(sim.cloud.ecs().desired()).isEqualTo(26);
    assertThat(report.warnings()).anyMatch(w -> w.startsWith("ECS held at 26 tasks (wanted 50)"));
    assertThat(sim.pts("sonnet")).singleElement().matches(pt -> pt.modelUnits() == 8);
    assertThat(sim.cloud.bedrock().deletes(sim.modelId("sonnet"))).isZero();
  }

  @Test
  void accessDeniedNeverScalesEcsDown() {
    SimFixture sim = busyWithAccessDenied();
    sim.cloud.ecs().setTasks("shop", "api", 40);
    sim.cloud.ecs().completeStarts();

    sim.pass();

    assertThat(sim.cloud.ecs().desired()).isEqualTo(40);
  }

  @Test
  void anUnreadableEcsServiceIsLeftAlone() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(15).ecs().build());
    sim.ownPt("sonnet", 15);
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 12_000).at(200);
    sim.cloud.ecs().setTasks("shop", "api", 100);
    sim.cloud.ecs().completeStarts();
    sim.cloud
        .ecs()
        .faults()
        .failNext(AwsAction.ECS_DESCRIBE_SERVICES.iamAction(), CloudException.Kind.THROTTLING, 1);

    PassReport blind = sim.pass();

    assertThat(blind.warnings()).anyMatch(w -> w.contains("ECS describe failed"));
    assertThat(sim.cloud.ecs().desired()).isEqualTo(100);

    sim.at(201).pass(); // the service reads again: 100 tasks for 12000 tps is too many
    assertThat(sim.cloud.ecs().desired()).isLessThan(100);
  }

  @Test
  void unreadableMetricsNeverScaleDown() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(0).build());
    sim.ownPt("sonnet", 15);
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 1000).at(200);
    sim.cloud
        .metrics()
        .faults()
        .failAlways(
            AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction(), CloudException.Kind.UNAVAILABLE);

    PassReport report = sim.pass();

    assertThat(report.warnings()).anyMatch(w -> w.contains("metrics read failed"));
    assertThat(report.plan().models().get("sonnet").held()).isTrue();
    assertThat(report.actions()).isEmpty();
    assertThat(sim.routedUnits("sonnet")).isEqualTo(15);
  }

  @Test
  void aCommittedPtIsNeverDeletedAndCountsAsTheFloor() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(0).build());
    String committed = sim.cloud.bedrock().addCommitted(sim.modelId("sonnet"), 4);
    String ours = sim.ownPt("sonnet", 2);
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 0);

    for (int minute = 200; minute <= 210; minute++) {
      sim.at(minute).pass();
    }

    assertThat(sim.cloud.bedrock().status(committed)).isEqualTo(PtStatus.IN_SERVICE);
    assertThat(sim.cloud.bedrock().status(ours)).isNull(); // drained, then deleted
    assertThat(sim.cloud.bedrock().deletes(sim.modelId("sonnet"))).isEqualTo(1);
    assertThat(sim.routed("sonnet"))
        .singleElement()
        .matches(r -> r.arn().equals(committed) && r.units() == 4);
  }

  @Test
  void aForeignPtIsNeverTouchedNorRouted() {
    SimFixture sim = new SimFixture(TestConfig.sonnet(0).build());
    String theirs =
        sim.cloud
            .bedrock()
            .addForeign(sim.modelId("sonnet"), 3, "search-pt", Map.of("team", "search"));
    String failedTheirs =
        sim.cloud.bedrock().addForeign(sim.modelId("sonnet"), 1, "search-pt-2", Map.of());
    sim.cloud.bedrock().fail(failedTheirs, "capacity unavailable");
    sim.traffic("sonnet", 0, SimFixture.MINUTES, 0);

    for (int minute = 200; minute <= 210; minute++) {
      sim.at(minute).pass();
    }

    assertThat(sim.cloud.bedrock().status(theirs)).isEqualTo(PtStatus.IN_SERVICE);
    assertThat(sim.cloud.bedrock().status(failedTheirs)).isEqualTo(PtStatus.FAILED);
    assertThat(sim.cloud.bedrock().deletes(sim.modelId("sonnet"))).isZero();
    assertThat(sim.routed("sonnet")).isEmpty();
  }
}
