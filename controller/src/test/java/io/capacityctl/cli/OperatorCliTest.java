package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimCloudModule;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.SimAccounts.Running;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator CLI end to end through {@code Main.run}, on a simulated account. */
class OperatorCliTest {
  private final Running running = SimAccounts.running("daemon:controller");
  private final SimAccount account = running.account();

  @Test
  void validateNamesFileLineAndField(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    String yaml =
        new String(
            getClass()
                .getClassLoader()
                .getResourceAsStream("schedules/mangaassist.yaml")
                .readAllBytes());
    Files.writeString(bad, yaml.replace("maxUnits: 20", "maxUnits: many"));

    CliRun ok = CliRun.run(account, "validate");
    CliRun broken = CliRun.run(account, "validate", "--config", bad.toString());

    assertThat(ok.code()).isZero();
    assertThat(ok.out()).startsWith("OK classpath:schedules/mangaassist.yaml: config mangaassist");
    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.err())
        .matches(
            "(?s)"
                + java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+: models\\.haiku\\.maxUnits: .*");
  }

  @Test
  void anOverrideSetFromTheCliChangesTheNextPassAndIsAudited() {
    CliRun set =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--for",
            "2h",
            "--reason",
            "final chapter rehearsal");
    PassReport next = running.reconciler().reconcileOnce();
    CliRun list = CliRun.run(account, "override", "list", "--cloud", "sim");

    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.out())
        .contains("override set: sonnet 20 units until")
        .contains(SimCloudModule.OPERATOR);
    assertThat(next.plan().models().get("sonnet").targetUnits()).isEqualTo(20);
    assertThat(next.plan().models().get("sonnet").reason()).contains("final chapter rehearsal");
    assertThat(list.out()).contains("sonnet 20 units");
    assertThat(account.state().recentAudit(50))
        .filteredOn(e -> e.kind().equals("override-set"))
        .singleElement()
        .extracting(AuditEntry::actor)
        .isEqualTo(SimCloudModule.OPERATOR);

    CliRun cleared =
        CliRun.run(
            account,
            "override",
            "clear",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--reason",
            "done");
    assertThat(cleared.out()).contains("cleared: sonnet");
    assertThat(account.state().activeOverrides(account.clock().instant())).isEmpty();
  }

  @Test
  void badOverrideOptionsNameTheOptionAndChangeNothing() {
    CliRun noReason =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--for",
            "2h");
    CliRun tooLong =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--for",
            "8d",
            "--reason",
            "x");
    CliRun badDuration =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--for",
            "soon",
            "--reason",
            "x");
    CliRun twoKinds =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--pause",
            "--for",
            "1h",
            "--reason",
            "x");

    assertThat(noReason.code()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");
    assertThat(tooLong.code()).isEqualTo(2);
    assertThat(tooLong.err()).startsWith("--for: at most 7 days");
    assertThat(badDuration.code()).isEqualTo(2);
    assertThat(badDuration.err()).contains("--for").contains("'soon' is not a duration");
    assertThat(twoKinds.err()).startsWith("--units: give exactly one of");
    assertThat(account.state().activeOverrides(account.clock().instant())).isEmpty();
    assertThat(account.state().recentAudit(100)).noneMatch(e -> e.kind().startsWith("override"));
  }

  @Test
  void anAddedEventRaisesTheNextPlanAndFileEventsCannotBeRemoved() {
    CliRun add =
        CliRun.run(
            account,
            "events",
            "add",
            "--cloud",
            "sim",
            "--name",
            "series-finale",
            "--start",
            account.clock().instant().plusSeconds(3600).toString(),
            "--duration",
            "8h",
            "--multiplier",
            "5",
            "--lead-time",
            "4h",
            "--models",
            "sonnet");
    CliRun plan = CliRun.run(account, "plan", "--cloud", "sim");
    CliRun list = CliRun.run(account, "events", "list", "--cloud", "sim");
    CliRun removeFileEvent =
        CliRun.run(account, "events", "remove", "--cloud", "sim", "--name", "weekly-release");

    assertThat(add.code()).as(add.err()).isZero();
    assertThat(plan.out()).contains("series-finale in 1h (lead 4h)");
    assertThat(list.out()).contains("file  weekly-release").contains("state series-finale");
    assertThat(removeFileEvent.code()).isEqualTo(2);
    assertThat(removeFileEvent.err()).contains("--name: 'weekly-release' is defined in");
    assertThat(
            CliRun.run(account, "events", "remove", "--cloud", "sim", "--name", "series-finale")
                .code())
        .isZero();
    assertThat(account.state().extraEvents()).isEmpty();
  }

  @Test
  void applyIsRefusedWhileAControllerHoldsTheLeaseAndOtherwiseActsAndGivesItBack() {
    bumpSonnet();
    CliRun refused = CliRun.run(account, "apply", "--cloud", "sim", "--yes");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.out()).contains("SKIPPED_LEASE_HELD").contains("daemon:controller");

    running.reconciler().releaseLease(); // the controller stopped
    CliRun declined = CliRun.withInput(account, "n\n", "apply", "--cloud", "sim");
    assertThat(declined.code()).isEqualTo(3);
    assertThat(declined.err()).contains("[y/N]").contains("not applied");
    assertThat(account.state().recentAudit(1).get(0).actor()).isEqualTo("daemon:controller");

    CliRun applied = CliRun.withInput(account, "y\n", "apply", "--cloud", "sim");
    assertThat(applied.code()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out()).contains("ACTED").contains("create sonnet PT");
    assertThat(account.state().recentAudit(1).get(0).actor())
        .startsWith("cli:" + SimCloudModule.OPERATOR + "@");
    assertThat(account.leases().current(account.clock().instant())).isEmpty();
  }

  @Test
  void statusAsJsonShowsCapacityLeaseAndLastActions() throws Exception {
    CliRun status = CliRun.run(account, "status", "--cloud", "sim", "--output", "json");

    assertThat(status.code()).as(status.err()).isZero();
    JsonNode s = Json.MAPPER.readTree(status.out());
    assertThat(s.get("config").asText()).isEqualTo("mangaassist");
    assertThat(s.get("models").get(0).get("model").asText()).isEqualTo("sonnet");
    assertThat(s.get("models").get(0).get("inServiceUnits").asInt()).isPositive();
    assertThat(s.get("models").get(0).get("observedTps").asDouble()).isPositive();
    assertThat(s.get("lease").get("holder").asText()).isEqualTo("daemon:controller");
    assertThat(s.get("lastActions")).isNotEmpty();
  }

  @Test
  void healthExitsOneWhenUnhealthy() {
    CliRun healthy = CliRun.run(account, "health", "--cloud", "sim");
    account
        .cloud()
        .bedrock()
        .faults()
        .failAlways(AwsAction.BEDROCK_CREATE_PT.iamAction(), Kind.ACCESS_DENIED);
    bumpSonnet();
    account.run(running.reconciler(), 2);
    CliRun unhealthy = CliRun.run(account, "health", "--cloud", "sim");

    assertThat(healthy.code()).as(healthy.out()).isZero();
    assertThat(healthy.out()).contains("HEALTHY");
    assertThat(unhealthy.code()).isEqualTo(1);
    assertThat(unhealthy.out())
        .contains("UNHEALTHY")
        .contains("bedrock:CreateProvisionedModelThroughput: ACCESS_DENIED");
  }

  @Test
  void wasteReportChecksItsRange() {
    account.run(running.reconciler(), 60); // 18:30 JST: the 17:00 hour is complete
    CliRun report = CliRun.run(account, "report", "waste", "--cloud", "sim");
    CliRun backwards =
        CliRun.run(
            account,
            "report",
            "waste",
            "--cloud",
            "sim",
            "--from",
            "2026-12-02",
            "--to",
            "2026-12-01");
    CliRun tooOld =
        CliRun.run(account, "report", "waste", "--cloud", "sim", "--from", "2026-11-01");
    CliRun notADate =
        CliRun.run(account, "report", "waste", "--cloud", "sim", "--from", "yesterday");

    assertThat(report.code()).isZero();
    assertThat(report.out()).contains("sonnet").contains("   17 ");
    assertThat(backwards.code()).isEqualTo(2);
    assertThat(backwards.err()).startsWith("--from: must be before --to");
    assertThat(tooOld.err()).startsWith("--from: CloudWatch keeps one-minute data for 15 days");
    assertThat(notADate.err()).startsWith("--from: 'yesterday' is not a date");
  }

  @Test
  void runStartsAndStopsTheDaemonOnTheAcceleratedClock() {
    running.reconciler().releaseLease();
    java.time.Instant before = account.clock().instant();
    int flushes = account.telemetry().flushes();
    CliRun run =
        CliRun.run(
            account,
            "run",
            "--cloud",
            "sim",
            "--speed",
            "600",
            "--port",
            "0",
            "--config-reload",
            "2m",
            "--stop-after",
            "1s");
    CliRun awsSpeed = CliRun.run(account, "run", "--speed", "60");
    CliRun noReload = CliRun.run(account, "run", "--config-reload", "0s");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("capacityctl running as daemon:").contains("stopped");
    // One simulated minute every 100 ms, and passes on it (each pass flushes its metrics).
    assertThat(account.clock().instant()).isAfter(before.plusSeconds(5 * 60));
    assertThat(account.telemetry().flushes()).isGreaterThan(flushes + 5);
    assertThat(account.leases().current(account.clock().instant())).isEmpty();
    assertThat(awsSpeed.code()).isEqualTo(2);
    assertThat(awsSpeed.err()).startsWith("--speed: only with --cloud sim");
    // The configuration was read again on the way (every 2 simulated minutes) and found good.
    assertThat(account.telemetry().latest("ConfigInvalid", java.util.Map.of())).hasValue(0.0);
    assertThat(noReload.code()).isEqualTo(2);
    assertThat(noReload.err()).startsWith("--config-reload: must be positive, got PT0S");
  }

  @Test
  void aPortInUseIsNamed() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      CliRun run =
          CliRun.run(
              account,
              "run",
              "--cloud",
              "sim",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--stop-after",
              "1s");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("--port: cannot listen on port " + taken.getLocalPort());
    }
  }

  private void bumpSonnet() {
    account
        .state()
        .putOverride(
            new io.capacityctl.planner.CapacityOverride(
                "sonnet",
                25,
                false,
                account.clock().instant(),
                account.clock().instant().plusSeconds(3600),
                "test",
                "tester"));
  }
}
