package io.capacityctl.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.state.Creation;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.SimAccounts.Running;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
  private static final String SONNET_ID = "anthropic.claude-3-sonnet-20240229-v1:0";

  @Test
  void aLiveControllerWithThePlannedCapacityIsHealthy() {
    Running r = SimAccounts.running("daemon:test");

    HealthReport report = health(r.account()).run();

    assertThat(report.healthy()).as(report.summary()).isTrue();
    assertThat(report.findings())
        .anySatisfy(
            f -> assertThat(f.toString()).startsWith("OK lease controller: held by daemon"));
    assertThat(r.account().telemetry().latest("Healthy", Map.of())).hasValue(1.0);
    assertThat(r.account().telemetry().latest("CapacityMismatch", Map.of())).hasValue(0.0);
  }

  @Test
  void accessDeniedOnPurchaseIsUnhealthyNamingTheAction() {
    // MangaAssist incident 4: the role lost bedrock:*ProvisionedModelThroughput.
    Running r = SimAccounts.running("lambda:reconcile");
    SimAccount a = r.account();
    a.cloud()
        .bedrock()
        .faults()
        .failAlways(AwsAction.BEDROCK_CREATE_PT.iamAction(), Kind.ACCESS_DENIED);
    needMoreSonnet(a, 25);
    a.run(r.reconciler(), 3);

    HealthReport report = health(a).run();

    assertThat(report.healthy()).isFalse();
    assertThat(report.failures())
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("capacity");
              assertThat(f.target()).isEqualTo("sonnet");
              assertThat(f.detail())
                  .contains("units short")
                  .contains("last action on it failed")
                  .contains("bedrock:CreateProvisionedModelThroughput");
            })
        .anySatisfy(
            f -> assertThat(f.toString()).startsWith("FAIL actions sonnet: last action failed"));
    assertThat(report.summary()).startsWith("UNHEALTHY: ");
    assertThat(a.telemetry().latest("Healthy", Map.of())).hasValue(0.0);
    assertThat(a.telemetry().latest("CapacityMismatch", Map.of())).hasValue(1.0);
  }

  @Test
  void aGapALiveControllerIsClosingIsOnlyAWarning() {
    Running r = SimAccounts.running("daemon:test");
    needMoreSonnet(r.account(), 25); // no pass has seen it yet

    HealthReport report = health(r.account()).run();

    assertThat(report.healthy()).as(report.summary()).isTrue();
    assertThat(report.findings())
        .anySatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(HealthFinding.Status.WARN);
              assertThat(f.detail()).contains("target 25").contains("daemon:test is live");
            });
  }

  @Test
  void aControllerThatStoppedPassingIsUnhealthy() {
    Running r = SimAccounts.running("lambda:reconcile");
    r.reconciler().releaseLease();
    needMoreSonnet(r.account(), 25);
    for (int i = 0; i < 6; i++) {
      r.account().serveMinute(); // traffic goes on, no pass runs
    }

    HealthReport report = health(r.account()).run();

    assertThat(report.failures())
        .extracting(HealthFinding::toString)
        .anySatisfy(
            s -> assertThat(s).startsWith("FAIL lease controller: no controller is running"))
        .anySatisfy(
            s -> assertThat(s).contains("capacity sonnet").contains("no controller is running"));
  }

  @Test
  void aLambdaThatGivesTheLeaseBackAfterEachPassIsLive() {
    Running r = SimAccounts.running("lambda:reconcile:req-1");
    r.reconciler().releaseLease(); // as the Lambda does after every pass
    r.account().serveMinute();

    HealthReport report = health(r.account()).run();

    assertThat(report.healthy()).as(report.summary()).isTrue();
    assertThat(report.findings())
        .extracting(HealthFinding::toString)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("OK lease controller: free between passes; the last pass"));
  }

  @Test
  void ptStuckInCreatingAndFailedPtAreUnhealthy() {
    Running r = SimAccounts.running("daemon:test");
    SimAccount a = r.account();
    needMoreSonnet(a, 25);
    a.run(r.reconciler(), 1);
    List<ProvisionedThroughput> creating =
        a.cloud().bedrock().list(SONNET_ID).stream()
            .filter(p -> p.status() == PtStatus.CREATING)
            .toList();
    assertThat(creating).hasSizeGreaterThanOrEqualTo(2);
    a.cloud().bedrock().delayCreation(creating.get(0).arn(), Instant.MAX);
    a.run(r.reconciler(), 31); // beyond 2 x the 15-minute provisioning time
    a.cloud().bedrock().fail(creating.get(1).arn(), "capacity unavailable");

    HealthReport report = health(a).run();

    assertThat(report.failures())
        .extracting(HealthFinding::toString)
        .anySatisfy(
            s -> assertThat(s).contains(creating.get(0).arn()).contains("stuck in Creating"))
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains(creating.get(1).arn())
                    .contains("Failed: capacity unavailable"));
  }

  @Test
  void staleMetricsWhileUnitsAreInServiceAreUnhealthy() {
    Running r = SimAccounts.running("daemon:test");
    SimAccount a = r.account();
    int now = (int) Duration.between(a.trace().start(), a.clock().instant()).toMinutes();
    a.cloud().metrics().blank(now - 20, now);

    HealthReport report = health(a).run();

    assertThat(report.failures())
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("metrics");
              assertThat(f.detail()).contains("older than metricsMaxAge").contains("in service");
            });
  }

  @Test
  void whatCannotBeObservedIsUnhealthy() {
    Running r = SimAccounts.running("daemon:test");
    r.account()
        .cloud()
        .bedrock()
        .faults()
        .failAlways(AwsAction.BEDROCK_LIST_PTS.iamAction(), Kind.ACCESS_DENIED);

    HealthReport report = health(r.account()).run();

    assertThat(report.failures())
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("observe");
              assertThat(f.detail()).contains("bedrock:ListProvisionedModelThroughputs");
            });
  }

  @Test
  void ecsAheadOfBedrockIsUnhealthy() {
    Running r = SimAccounts.running("daemon:test");
    CapacityConfig c = r.account().config();
    r.account().cloud().ecs().setTasks(c.ecs().cluster(), c.ecs().service(), c.ecs().maxTasks());

    HealthReport report = health(r.account()).run();

    assertThat(report.failures())
        .anySatisfy(f -> assertThat(f.detail()).startsWith("ECS ahead of Bedrock: 160 tasks"));
  }

  @Test
  void aCreationThePassesCouldNotRecordIsNamedAsAWarningUntilAPassRecordsIt() {
    Running r = SimAccounts.running("daemon:test");
    SimAccount a = r.account();
    a.run(r.reconciler(), 31);
    ProvisionedThroughput pt =
        a.cloud().bedrock().list(SONNET_ID).stream()
            .filter(p -> p.status() == PtStatus.IN_SERVICE)
            .findFirst()
            .orElseThrow();
    // As the passes leave it when recording the creation done failed every time: still watched.
    InMemoryStateStore.Saved saved = a.state().save();
    a.state()
        .restore(
            new InMemoryStateStore.Saved(
                saved.overrides(),
                saved.events(),
                saved.audit(),
                saved.arnsUntil(),
                saved.purchases(),
                saved.lastPrune(),
                saved.circuit(),
                saved.creations().stream()
                    .map(
                        c ->
                            c.arn().equals(pt.arn())
                                ? Creation.watched(c.model(), c.arn(), c.units(), c.createdAt())
                                : c)
                    .toList()));
    assertThat(a.state().creations()).anyMatch(c -> c.arn().equals(pt.arn()) && !c.done());

    HealthReport report = health(a).run();

    assertThat(report.healthy()).as(report.summary()).isTrue();
    assertThat(report.findings())
        .filteredOn(f -> f.check().equals("provisioning"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(HealthFinding.Status.WARN);
              assertThat(f.target()).isEqualTo("sonnet");
              assertThat(f.detail()).startsWith(pt.arn()).contains("not learned");
            });

    a.run(r.reconciler(), 1);
    assertThat(health(a).run().findings()).noneMatch(f -> f.check().equals("provisioning"));
  }

  private static void needMoreSonnet(SimAccount a, int units) {
    Instant now = a.clock().instant();
    a.state()
        .putOverride(
            new CapacityOverride(
                "sonnet", units, false, now, now.plus(Duration.ofHours(1)), "test", "tester"));
  }

  private static HealthCheck health(SimAccount a) {
    Reconciler observer = SimAccounts.reconciler(a, "observer");
    return new HealthCheck(
        a.config(), observer, a.state(), a.leases(), a.telemetry(), a.telemetry(), a.clock());
  }
}
