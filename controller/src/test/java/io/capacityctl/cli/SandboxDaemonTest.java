package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code run --cloud sim} daemon in one process and CLI commands in another, on one sandbox: they
 * see and change the same account under the lease rules of AWS, and a daemon killed at any moment
 * leaves an account the next command reads.
 */
class SandboxDaemonTest {
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration SETTLE = Duration.ofMinutes(2);

  @TempDir Path home;

  private Path sandbox() {
    return home.resolve("sandbox");
  }

  private CliProcess daemon(String speed) {
    return CliProcess.start(
        home,
        CliProcess.bareEnvironment(home),
        "run",
        "--cloud",
        "sim",
        "--sandbox",
        sandbox().toString(),
        "--speed",
        speed,
        "--port",
        "0");
  }

  private CliRun sim(String... args) {
    return new SandboxCli(sandbox()).sim(args);
  }

  private JsonNode status() {
    CliRun run = sim("status", "-o", "json");
    assertThat(run.code()).as(run.err()).isIn(0, 1);
    try {
      return Json.MAPPER.readTree(run.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls status until {@code done} holds; the last status seen otherwise fails the test. */
  private JsonNode awaitStatus(Predicate<JsonNode> done, String what) throws InterruptedException {
    long until = System.nanoTime() + SETTLE.toNanos();
    JsonNode s = status();
    while (!done.test(s)) {
      assertThat(System.nanoTime()).as(what + "; last status: " + s).isLessThan(until);
      Thread.sleep(500);
      s = status();
    }
    return s;
  }

  private static String leaseHolder(JsonNode status) {
    JsonNode lease = status.get("lease");
    return lease == null || lease.isNull() ? null : lease.get("holder").asText();
  }

  private static JsonNode model(JsonNode status, String key) {
    for (JsonNode m : status.get("models")) {
      if (m.get("model").asText().equals(key)) {
        return m;
      }
    }
    throw new AssertionError("no model " + key + " in " + status);
  }

  @Test
  void applyWaitsForTheDaemonsLeaseWhichItGivesBackOnSigterm() throws Exception {
    sim("status"); // makes the sandbox, so the daemon starts on it at once
    try (CliProcess d = daemon("1")) {
      assertThat(d.awaitOutput(l -> l.startsWith("capacityctl running as"), STARTUP))
          .as(d.stderr())
          .isTrue();
      String holder =
          leaseHolder(awaitStatus(s -> leaseHolder(s) != null, "the daemon takes the lease"));
      // On the real clock the daemon's next pass is a minute away: the override waits for it.
      CliRun set = new SandboxCli(sandbox()).overrideSet("sonnet", 28, "rehearsal");
      CliRun refused = sim("apply", "--yes");

      d.terminate();
      CliRun stopped = d.waitFor(SETTLE);

      assertThat(holder).startsWith("daemon:");
      assertThat(set.code()).as(set.err()).isZero();
      assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(3);
      assertThat(refused.out()).contains("SKIPPED_LEASE_HELD").contains(holder);
      assertThat(stopped.code()).as(stopped.err()).isZero();
      assertThat(stopped.err()).contains("lease released");
    }
    JsonNode free = status();
    CliRun applied = sim("apply", "--yes");
    JsonNode after = status();

    assertThat(leaseHolder(free)).isNull();
    assertThat(applied.code()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out()).contains("ACTED").contains("create sonnet PT");
    assertThat(model(after, "sonnet").get("targetUnits").asInt()).isEqualTo(28);
  }

  @Test
  void theDaemonHonoursTheCliAndAKilledDaemonLeavesAReadableAccountAndItsLease() throws Exception {
    sim("status");
    String holder;
    try (CliProcess d = daemon("120")) {
      assertThat(d.awaitOutput(l -> l.startsWith("capacityctl running as"), STARTUP))
          .as(d.stderr())
          .isTrue();
      CliRun set = new SandboxCli(sandbox()).overrideSet("haiku", 5, "from another shell");
      assertThat(set.code()).as(set.err()).isZero();
      JsonNode honoured =
          awaitStatus(
              s ->
                  model(s, "haiku").get("targetUnits").asInt() == 5
                      && s.get("lastActions").toString().contains("daemon:")
                      && leaseHolder(s) != null,
              "the daemon's next pass takes the override");
      holder = leaseHolder(honoured);
      assertThat(holder).startsWith("daemon:");
      // Killed as by the OOM killer or a lost host: no shutdown of any kind, mid-write or not.
      d.kill();
    }

    JsonNode afterCrash = status();
    // Something to apply, so that apply asks for the lease.
    CliRun during = new SandboxCli(sandbox()).overrideSet("sonnet", 29, "while the lease stands");
    CliRun refused = sim("apply", "--yes");
    CliRun advanced = CliRun.system("sandbox", "advance", "4m", "--sandbox", sandbox().toString());
    // As on AWS, no wall clock decides when a lease is free: a one-shot command has not watched the
    // dead daemon's lease itself, so it is still refused; a controller that keeps running takes it
    // over once it has watched it unchanged for a TTL, with a higher fencing token.
    CliRun stillRefused = sim("apply", "--yes");
    long deadToken = afterCrash.get("lease").get("fencingToken").asLong();
    JsonNode takenOver;
    try (CliProcess next = daemon("120")) {
      assertThat(next.awaitOutput(l -> l.startsWith("capacityctl running as"), STARTUP))
          .as(next.stderr())
          .isTrue();
      takenOver =
          awaitStatus(
              s -> leaseHolder(s) != null && !leaseHolder(s).equals(holder),
              "a running daemon takes the dead one's lease over");
      next.terminate();
      assertThat(next.waitFor(SETTLE).err()).contains("lease released");
    }
    CliRun set = new SandboxCli(sandbox()).overrideSet("sonnet", 31, "after the crash");
    CliRun applied = sim("apply", "--yes", "-o", "json");

    assertThat(leaseHolder(afterCrash))
        .as("the dead daemon's lease stands until a running controller takes it over")
        .isEqualTo(holder);
    assertThat(during.code()).as(during.err()).isZero();
    assertThat(refused.code()).as(refused.out()).isEqualTo(3);
    assertThat(refused.out()).contains("SKIPPED_LEASE_HELD").contains(holder);
    assertThat(advanced.code()).as(advanced.err()).isZero();
    assertThat(stillRefused.code()).as(stillRefused.out()).isEqualTo(3);
    assertThat(stillRefused.out()).contains("SKIPPED_LEASE_HELD");
    assertThat(takenOver.get("lease").get("fencingToken").asLong()).isGreaterThan(deadToken);
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(applied.code()).as(applied.out() + applied.err()).isZero();
    JsonNode pass = Json.MAPPER.readTree(applied.out()).get("applied");
    assertThat(pass.get("outcome").asText()).isEqualTo("ACTED");
    assertThat(pass.get("fencingToken").asLong())
        .as("a higher fencing token than the dead daemon's")
        .isGreaterThan(deadToken);
  }
}
