package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.SimAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 3: {@code events add} and {@code override set} accepted what the configuration
 * file refuses, audited writes that failed and echoed terminal escape codes. Each refusal exits 2,
 * names the option, prints no stack trace, and changes nothing (no event, override or audit entry).
 */
class OperatorInputFindingsTest {
  private final SimAccount account = SimAccounts.running("daemon:controller").account();

  private CliRun addEvent(String... options) {
    List<String> args = new ArrayList<>(List.of("events", "add", "--cloud", "sim"));
    args.addAll(List.of(options));
    return CliRun.run(account, args.toArray(String[]::new));
  }

  private CliRun setOverride(String reason) {
    return CliRun.run(
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
        reason);
  }

  private String inAnHour() {
    return account.clock().instant().plus(Duration.ofHours(1)).toString();
  }

  private void assertRefused(CliRun run, String option, String message) {
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith(option + ": ").contains(message).doesNotContain("\tat ");
    assertThat(account.state().extraEvents()).isEmpty();
    assertThat(account.state().activeOverrides(account.clock().instant())).isEmpty();
    assertThat(account.state().recentAudit(100))
        .noneMatch(e -> e.kind().startsWith("event") || e.kind().startsWith("override"));
  }

  @Test
  void eventsAddRefusesACronFiringEverySecond() {
    assertRefused(
        addEvent("--name", "x", "--cron", "* * * ? * *", "--duration", "1m", "--multiplier", "2"),
        "--cron",
        "recurs every 1s; an event recurs at most once a minute");
  }

  @Test
  void eventsAddRefusesAStartInThePast() {
    String anHourAgo = account.clock().instant().minus(Duration.ofHours(1)).toString();
    assertRefused(
        addEvent("--name", "x", "--start", anHourAgo, "--duration", "2h", "--multiplier", "2"),
        "--start",
        "is in the past");
  }

  @Test
  void eventsAddRefusesADurationOfAHundredThousandDays() {
    assertRefused(
        addEvent(
            "--name", "x", "--start", inAnHour(), "--duration", "100000d", "--multiplier", "2"),
        "--duration",
        "must be in [1m, 31d], got 100000d");
  }

  @Test
  void eventsAddRefusesAnInfiniteMultiplierAndAuditsNothing() {
    assertRefused(
        addEvent(
            "--name", "x", "--start", inAnHour(), "--duration", "2h", "--multiplier", "Infinity"),
        "--multiplier",
        "expected a number, got 'Infinity'");
  }

  @Test
  void overrideSetRefusesAHundredKilobyteReason() {
    assertRefused(
        setOverride("x".repeat(100 * 1024)), "--reason", "is 102400 characters; at most 500");
  }

  @Test
  void overrideSetRefusesTerminalEscapeCodesInTheReason() {
    assertRefused(
        setOverride("rehearsal \u001b[2J\u001b[31mall clear"),
        "--reason",
        "contains a control character (\\u001b at 10)");
  }

  @Test
  void aReasonStoredWithEscapeCodesIsShownEscaped() {
    Instant now = account.clock().instant();
    account
        .state()
        .putOverride(
            new CapacityOverride(
                "sonnet",
                20,
                false,
                now,
                now.plus(Duration.ofHours(2)),
                "written by hand \u001b[2J",
                "arn:aws:iam::123456789012:user/mallory"));

    CliRun list = CliRun.run(account, "override", "list", "--cloud", "sim");
    CliRun status = CliRun.run(account, "status", "--cloud", "sim");

    assertThat(list.out()).contains("written by hand \\u001b[2J").doesNotContain("\u001b");
    assertThat(status.out()).contains("written by hand \\u001b[2J").doesNotContain("\u001b");
  }
}
