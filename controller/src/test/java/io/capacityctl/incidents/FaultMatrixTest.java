package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.health.HealthReport;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix on the simulated cloud. Every row: nothing bought twice, no scale-down on a
 * partial view, a named health failure or pass warning, and recovery once the fault clears. Each
 * drill warms up on 7000 tps, then the fault starts at {@link #FAULT}; timings are minutes from it.
 */
class FaultMatrixTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final String LIST = AwsAction.BEDROCK_LIST_PTS.iamAction();
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final String DELETE = AwsAction.BEDROCK_DELETE_PT.iamAction();
  private static final int WARM = 200;

  /** A health check is due at 210: most faults start 8 minutes before it. */
  private static final int FAULT = 202;

  /** The provisioning time of the test model, in minutes. */
  private static final int PROVISIONING = 15;

  /** 7000 tps until minute {@code fault}, then {@code after} tps; the clock at {@code fault}. */
  private static Drill drill(TestConfig config, int fault, double after) {
    Drill d =
        new Drill(
                config.ecs().build(),
                Drill.trace(WARM + 180, "sonnet", m -> m < fault ? 7000 : after))
            .warmUp(WARM);
    d.run(fault - WARM);
    return d;
  }

  private static Drill drill(double after) {
    return drill(TestConfig.sonnet(8), FAULT, after);
  }

  private static SimBedrock bedrock(Drill d) {
    return d.account.cloud().bedrock();
  }

  /** Routed (in-service, not draining) units when the fault starts. */
  private static int routedNow(Drill d) {
    return d.last().served().get("sonnet").inServiceUnits();
  }

  private static HealthReport firstCheck(List<Minute> minutes) {
    return minutes.stream().map(Minute::health).filter(Objects::nonNull).findFirst().orElseThrow();
  }

  private static int firstUncovered(List<Minute> minutes, int from) {
    return minutes.stream()
        .filter(m -> m.minute() >= from && m.throttled("sonnet") == 0)
        .findFirst()
        .orElseThrow()
        .minute();
  }

  @Test
  void cloudWatchNoDataForTenMinutesHoldsAndIsReported() {
    // Demand fell to 1000 tps 10 minutes ago: the trim is due just as CloudWatch goes blank.
    Drill d = drill(TestConfig.sonnet(8), WARM - 10, 1000);
    int fault = d.now();
    int before = routedNow(d);
    int deletes = bedrock(d).deletes(SONNET);

    for (int i = 0; i < 10; i++) {
      Minute m = d.step();
      d.account.cloud().metrics().blank(m.minute(), m.minute() + 1);
    }
    d.run(2); // passes still reading the blank minutes

    // Partial view: no scale-down until the gap has been read past.
    assertThat(d.since(fault))
        .allSatisfy(m -> assertThat(m.served().get("sonnet").inServiceUnits()).isEqualTo(before));
    assertThat(bedrock(d).deletes(SONNET)).isEqualTo(deletes);
    assertThat(d.since(fault))
        .extracting(m -> m.pass().plan().models().get("sonnet").reason())
        .anySatisfy(r -> assertThat(r).contains("no scale-down on a partial view"));
    // The check at 210, 10 minutes in, names the blind spot.
    HealthReport at210 = firstCheck(d.since(fault));
    assertThat(at210.failures())
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("metrics");
              assertThat(f.detail()).contains("older than metricsMaxAge").contains("in service");
            });

    // Recovery: the data is back, the controller trims to what 1000 tps needs and is healthy.
    List<Minute> after = d.run(40);
    assertThat(after.get(after.size() - 1).served().get("sonnet").inServiceUnits())
        .isLessThan(before);
    assertThat(after.stream().map(Minute::health).filter(Objects::nonNull).toList())
        .last()
        .satisfies(h -> assertThat(h.healthy()).as(h.summary()).isTrue());
  }

  @Test
  void bedrockThrottlingEveryCallForFiveMinutesHoldsThenCatchesUp() {
    Drill d = drill(TestConfig.sonnet(8), 206, 16_000); // the 210 check falls inside
    int deletes = bedrock(d).deletes(SONNET);
    int before = routedNow(d);
    int creates = bedrock(d).creates(SONNET);
    int ecsBefore = d.last().ecsDesired();
    for (String action : List.of(LIST, CREATE, DELETE)) {
      bedrock(d).faults().failAlways(action, Kind.THROTTLING);
    }

    List<Minute> during = d.run(5);

    assertThat(during)
        .allSatisfy(
            m -> {
              // The list fails with THROTTLING; after three such passes the control-plane circuit
              // opens and the passes hold without calling Bedrock at all.
              assertThat(m.pass().warnings())
                  .anyMatch(
                      w ->
                          (w.contains("PT list failed") && w.contains("THROTTLING"))
                              || w.startsWith("degraded: hold"));
              assertThat(m.ecsDesired())
                  .as("no ECS scale-down on a fault")
                  .isGreaterThanOrEqualTo(ecsBefore);
              assertThat(m.served().get("sonnet").inServiceUnits()).isEqualTo(before);
            });
    assertThat(bedrock(d).creates(SONNET)).isEqualTo(creates);
    assertThat(firstCheck(during).failures())
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("observe");
              assertThat(f.detail()).contains(LIST);
            });

    for (String action : List.of(LIST, CREATE, DELETE)) {
      bedrock(d).faults().clear(action);
    }
    int cleared = d.now();
    List<Minute> after = d.run(PROVISIONING + 20);

    assertThat(firstUncovered(after, cleared) - cleared).isLessThanOrEqualTo(PROVISIONING + 2);
    // Bought once: every unit billed is routed, nothing extra in Creating.
    assertThat(bedrock(d).billedUnits(SONNET))
        .isEqualTo(after.get(after.size() - 1).served().get("sonnet").inServiceUnits());
    assertThat(bedrock(d).deletes(SONNET)).isEqualTo(deletes);
  }

  @Test
  void serviceQuotaExceededCapsThePoolNamesItAndBuysTheRestWhenFreed() {
    // 20000 tps needs 20 units, the most the config allows; the quota is 20 units too.
    Drill d = drill(TestConfig.sonnet(8).set("sonnet", "maxUnits", 20), FAULT, 20_000);
    int deletes = bedrock(d).deletes(SONNET);
    int ours = bedrock(d).billedUnits(SONNET);
    String foreign = bedrock(d).addForeign(SONNET, 8, "search-pt", Map.of("team", "search"));

    List<Minute> during = d.run(20);

    Minute refused = during.stream().filter(m -> m.pass().failed()).findFirst().orElseThrow();
    assertThat(refused.minute() - FAULT).isLessThanOrEqualTo(4);
    assertThat(refused.pass().failures())
        .allSatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
              assertThat(f.awsAction()).isEqualTo(CREATE);
            });
    assertThat(d.account.telemetry().latest("QuotaExceeded", Map.of("Model", "sonnet")))
        .hasValue(1.0);
    // Capped at the quota: 20 units less the other team's 8, never beyond.
    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(20);
    assertThat(bedrock(d).billedUnits(SONNET) - 8 - ours).isPositive();
    assertThat(bedrock(d).deletes(SONNET)).isEqualTo(deletes);
    assertThat(firstCheck(d.since(refused.minute())).failures())
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("capacity");
              assertThat(f.detail()).contains("units short").contains(CREATE);
            });

    bedrock(d).delete(foreign); // the other team gives its 8 units back
    int freed = d.now();
    List<Minute> after = d.run(PROVISIONING + 10);

    assertThat(after.get(0).pass().outcome()).isEqualTo(PassReport.Outcome.ACTED);
    assertThat(firstUncovered(after, freed) - freed).isLessThanOrEqualTo(PROVISIONING + 2);
    assertThat(bedrock(d).deletes(SONNET)).isEqualTo(deletes + 1); // the foreign PT, by its owner
  }

  @Test
  void aFailedPtIsDeletedAndReplacedOnceInTheNextPass() {
    Drill d = drill(7000);
    ProvisionedThroughput victim =
        bedrock(d).list(SONNET).stream()
            .filter(p -> p.status() == PtStatus.IN_SERVICE)
            .findFirst()
            .orElseThrow();
    int billed = bedrock(d).billedUnits(SONNET);
    int creates = bedrock(d).creates(SONNET);
    bedrock(d).fail(victim.arn(), "capacity unavailable");

    Minute next = d.step();

    assertThat(next.pass().warnings())
        .anyMatch(w -> w.contains(victim.arn()) && w.contains("Failed: capacity unavailable"));
    assertThat(next.pass().actions())
        .anyMatch(a -> a.startsWith("delete sonnet PT " + victim.arn()) && a.contains("failed"))
        .anyMatch(a -> a.startsWith("create sonnet PT"));
    assertThat(bedrock(d).status(victim.arn())).isNull();
    assertThat(bedrock(d).creates(SONNET) - creates).isEqualTo(victim.modelUnits());

    List<Minute> after = d.run(PROVISIONING + 5);

    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(billed);
    assertThat(bedrock(d).creates(SONNET) - creates).isEqualTo(victim.modelUnits());
    assertThat(after.get(after.size() - 1).served().get("sonnet").inServiceUnits())
        .isEqualTo(billed);
  }

  @Test
  void aPtStuckInCreatingIsReportedAndNeverBoughtTwice() {
    Drill d = drill(16_000);
    int deletes = bedrock(d).deletes(SONNET);
    List<Minute> ramp = d.run(4);
    int bought =
        ramp.stream()
            .filter(m -> m.pass().outcome() == PassReport.Outcome.ACTED)
            .findFirst()
            .orElseThrow()
            .minute();
    List<ProvisionedThroughput> creating =
        bedrock(d).list(SONNET).stream().filter(p -> p.status() == PtStatus.CREATING).toList();
    assertThat(creating).isNotEmpty();
    Duration stuckFor = Duration.ofMinutes(3L * PROVISIONING);
    creating.forEach(p -> bedrock(d).delayCreation(p.arn(), p.createdAt().plus(stuckFor)));

    List<Minute> stuck = d.run(3 * PROVISIONING - (d.now() - bought));

    // Stuck units count as coming: what is billed never exceeds what some pass wanted.
    int wanted =
        d.since(bought).stream()
            .mapToInt(m -> m.pass().plan().models().get("sonnet").targetUnits())
            .max()
            .orElseThrow();
    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(wanted);
    Minute warned =
        stuck.stream()
            .filter(
                m -> m.pass().warnings().stream().anyMatch(w -> w.contains("stuck in Creating")))
            .findFirst()
            .orElseThrow();
    assertThat(warned.minute() - bought).isEqualTo(2 * PROVISIONING + 1);
    // The pt-stuck-creating alarm (infra-cdk ControllerAlarms) watches this metric.
    assertThat(d.account.telemetry().latest("PtStuckCreating", Map.of("Model", "sonnet")))
        .hasValue((double) creating.size());
    assertThat(stuck.stream().map(Minute::health).filter(Objects::nonNull))
        .anySatisfy(
            h ->
                assertThat(h.failures())
                    .extracting(HealthFinding::toString)
                    .anyMatch(
                        s -> s.startsWith("FAIL pt sonnet") && s.contains("stuck in Creating")));

    List<Minute> after = d.run(20);

    // In service at last: every unit billed is routed, none was bought twice or deleted.
    assertThat(after.get(after.size() - 1).served().get("sonnet").inServiceUnits())
        .isEqualTo(bedrock(d).billedUnits(SONNET))
        .isEqualTo(wanted);
    assertThat(bedrock(d).deletes(SONNET)).isEqualTo(deletes);
    assertThat(after.stream().map(Minute::health).filter(Objects::nonNull).toList())
        .last()
        .satisfies(h -> assertThat(h.healthy()).as(h.summary()).isTrue());
  }
}
