package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.health.HealthReport;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.testing.TestConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * MangaAssist incident 4: the scheduler's role lost {@code bedrock:*ProvisionedModelThroughput},
 * the Lambda logged AccessDenied and exited, ECS scaled to 35 tasks while Bedrock stayed at 8
 * units. capacityctl must fail loudly, alarm within one health-check period, hold ECS to what
 * Bedrock can serve, and recover by itself once the permission is back.
 */
class AccessDeniedOnPurchaseIncidentTest {
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final int WARM = 200;
  private static final int RAMP = WARM + 5;

  /** 7000 tps on 8 units, then the evening ramp to 16000 tps five minutes after the fault. */
  private static Drill drill() {
    return new Drill(
            TestConfig.sonnet(8).ecs().build(),
            Drill.trace(WARM + 120, "sonnet", m -> m < RAMP ? 7000 : 16_000))
        .warmUp(WARM);
  }

  @Test
  void accessDeniedIsLoudAlarmedHeldAndRecovered() {
    Drill d = drill();
    int unitsBefore = d.account.cloud().bedrock().billedUnits("anthropic.sonnet-v1:0");
    int fault = d.now();
    d.account.cloud().bedrock().faults().failAlways(CREATE, Kind.ACCESS_DENIED);

    List<Minute> during = d.run(30);

    Minute firstFailed = during.stream().filter(m -> m.pass().failed()).findFirst().orElseThrow();
    // The ramp starts 5 minutes after the fault; escalation needs 2 minutes above 80%.
    assertThat(firstFailed.minute() - fault).isBetween(5, 9);
    assertThat(firstFailed.pass().failures())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.ACCESS_DENIED);
              assertThat(f.awsAction()).isEqualTo("bedrock:CreateProvisionedModelThroughput");
            });
    assertThat(d.account.telemetry().latest("ReconcileErrors", Map.of()).orElseThrow())
        .isPositive();
    Minute alarmed =
        during.stream()
            .filter(m -> m.health() != null && m.health().capacityMismatches() > 0)
            .findFirst()
            .orElseThrow();
    assertThat(alarmed.minute() - firstFailed.minute()).isBetween(0, Drill.HEALTH_EVERY);
    assertThat(alarmed.health().failures())
        .extracting(HealthFinding::detail)
        .anySatisfy(s -> assertThat(s).contains("units short").contains(CREATE));
    // Nothing bought, and ECS never drives more than 8 units + 5000 tps on demand can serve.
    assertThat(d.account.cloud().bedrock().billedUnits("anthropic.sonnet-v1:0"))
        .isEqualTo(unitsBefore);
    int servableTasks = (unitsBefore * 1000 + 5000) / 500;
    assertThat(during)
        .allSatisfy(m -> assertThat(m.ecsDesired()).isLessThanOrEqualTo(servableTasks));
    assertThat(during)
        .anySatisfy(
            m -> assertThat(m.pass().warnings()).anyMatch(w -> w.startsWith("ECS held at")));

    d.account.cloud().bedrock().faults().clear(CREATE);
    int cleared = d.now();
    List<Minute> after = d.run(45);

    Minute bought =
        after.stream()
            .filter(m -> m.pass().outcome() == PassReport.Outcome.ACTED)
            .findFirst()
            .orElseThrow();
    assertThat(bought.minute() - cleared).isZero();
    Minute covered =
        after.stream().filter(m -> m.throttled("sonnet") == 0).findFirst().orElseThrow();
    assertThat(covered.minute() - cleared).isLessThanOrEqualTo(15 + 2);
    HealthReport healthy =
        after.stream()
            .filter(m -> m.minute() > covered.minute())
            .map(Minute::health)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();
    assertThat(healthy.healthy()).as(healthy.summary()).isTrue();
    assertThat(d.account.cloud().ecs().desired()).isGreaterThan(servableTasks);
  }
}
