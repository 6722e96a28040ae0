package io.capacityctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.Lease;
import io.capacityctl.state.StaleFencingTokenException;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox directory as two processes see it. Each {@link Sandbox#open} here stands for a
 * process of its own: its account is the only state it shares with the other, through the
 * directory.
 */
class SandboxTest {
  private static final CapacityConfig CONFIG = SimAccounts.mangaAssist();
  private static final Duration TTL = Duration.ofMinutes(3);

  @TempDir Path dir;

  /** A short warm-up: a controller runs an hour of the evening, then gives the lease back. */
  private static void warmUp(SimAccount a) {
    a.jumpTo(SimAccounts.EVENING);
    Reconciler r = SimAccounts.reconciler(a, "daemon:warm-up");
    a.warmStart(r);
    a.run(r, 60);
    r.releaseLease();
  }

  private SimAccount process() {
    return new Sandbox(dir).open(CONFIG, SandboxTest::warmUp);
  }

  private static String json(SimAccount a) throws Exception {
    return SandboxJson.MAPPER.writeValueAsString(a.save());
  }

  private static CapacityOverride override(SimAccount a, String model, int units) {
    Instant now = a.clock().instant();
    return new CapacityOverride(model, units, false, now, now.plusSeconds(3600), "test", "tester");
  }

  private static EventSpec event(SimAccount a, String name) {
    return new EventSpec(
        name,
        null,
        a.clock().instant().plusSeconds(7200).atOffset(java.time.ZoneOffset.UTC),
        Duration.ofHours(1),
        2,
        Duration.ZERO,
        java.util.Set.of());
  }

  @Test
  void anotherProcessReadsTheWholeAccountAndDoesNotWarmItUpAgain() throws Exception {
    SimAccount first = process();
    first
        .exclusive()
        .run(
            () -> {
              first.state().putOverride(override(first, "sonnet", 25));
              first.state().putEvent(event(first, "launch"));
              first.cloud().bedrock().addCommitted("anthropic.claude-3-haiku-20240307-v1:0", 2);
              first.cloud().intentTokens().set("qa", 812);
              first.run(SimAccounts.reconciler(first, "daemon:a"), 20);
            });

    SimAccount second =
        new Sandbox(dir)
            .open(
                CONFIG,
                a -> {
                  throw new AssertionError("warmed up twice");
                });

    assertThat(json(second)).isEqualTo(json(first));
    assertThat(second.clock().instant()).isEqualTo(second.trace().minute(SimAccounts.EVENING + 80));
    assertThat(second.state().activeOverrides(second.clock().instant()))
        .extracting(CapacityOverride::amount)
        .containsExactly(25);
    assertThat(second.leases().current(second.clock().instant()).map(Lease::holder))
        .contains("daemon:a");
  }

  @Test
  void eachCallSeesWhatAnotherProcessWroteSince() {
    SimAccount a = process();
    SimAccount b = process();

    b.exclusive().run(() -> b.state().putOverride(override(b, "haiku", 3)));
    List<CapacityOverride> seenByA =
        a.exclusive().call(() -> a.state().activeOverrides(a.clock().instant()));
    a.exclusive()
        .run(
            () -> {
              a.state().clearOverride("haiku");
              a.serveMinute();
            });
    Instant bNow = b.exclusive().call(() -> b.clock().instant());

    assertThat(seenByA).extracting(CapacityOverride::target).containsExactly("haiku");
    assertThat(b.state().activeOverrides(bNow)).isEmpty();
    assertThat(bNow).isEqualTo(a.clock().instant());
  }

  @Test
  void twoProcessesWritingAtOnceLoseNoUpdate() throws Exception {
    SimAccount a = process();
    SimAccount b = process();
    int each = 30;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SimAccount p : List.of(a, b)) {
        String prefix = p == a ? "a" : "b";
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    int n = i;
                    p.exclusive().run(() -> p.state().putEvent(event(p, prefix + n)));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }

    SimAccount reader = process();
    assertThat(reader.state().extraEvents()).hasSize(2 * each);
  }

  @Test
  void theLeaseKeepsItsRulesAcrossProcesses() {
    SimAccount daemon = process();
    SimAccount cli = process();

    Lease held =
        daemon
            .exclusive()
            .call(() -> daemon.leases().tryAcquire("daemon:a", daemon.clock().instant(), TTL))
            .orElseThrow();
    Optional<Lease> refused =
        cli.exclusive().call(() -> cli.leases().tryAcquire("cli:op", cli.clock().instant(), TTL));
    // The daemon dies without giving it back; three minutes later the lease has expired.
    Lease taken =
        cli.exclusive()
            .call(
                () -> {
                  for (int i = 0; i < 4; i++) {
                    cli.serveMinute();
                  }
                  return cli.leases().tryAcquire("cli:op", cli.clock().instant(), TTL);
                })
            .orElseThrow();
    boolean renewed =
        daemon.exclusive().call(() -> daemon.leases().renew(held, daemon.clock().instant(), TTL));

    assertThat(refused).isEmpty();
    assertThat(taken.fencingToken()).isEqualTo(held.fencingToken() + 1);
    assertThat(renewed).isFalse();
    assertThatThrownBy(
            () ->
                daemon
                    .exclusive()
                    .run(
                        () ->
                            daemon
                                .state()
                                .appendAudit(
                                    new AuditEntry(
                                        daemon.clock().instant(),
                                        "daemon:a",
                                        "create-pt",
                                        "sonnet",
                                        "late",
                                        held.fencingToken()))))
        .isInstanceOf(StaleFencingTokenException.class);
  }

  @Test
  void aPauseLetsAnotherProcessInAndCatchesUpAfter() {
    SimAccount asking = process();
    SimAccount other = process();

    List<CapacityOverride> after =
        asking
            .exclusive()
            .call(
                () -> {
                  asking
                      .exclusive()
                      .pause(
                          () -> {
                            other
                                .exclusive()
                                .run(() -> other.state().putOverride(override(other, "sonnet", 9)));
                            return null;
                          });
                  return asking.state().activeOverrides(asking.clock().instant());
                });

    assertThat(after).extracting(CapacityOverride::amount).containsExactly(9);
  }

  @Test
  void aWriterKilledBeforeItsRenameLeavesThePreviousState() throws Exception {
    SimAccount before = process();
    String saved = json(before);
    // What a process killed in the middle of writing leaves: half a file of its own.
    Path partial = dir.resolve(Sandbox.ACCOUNT + ".4242.partial");
    Files.writeString(partial, saved.substring(0, saved.length() / 2));

    SimAccount after = process();

    assertThat(json(after)).isEqualTo(saved);
    assertThat(partial).doesNotExist();
  }

  @Test
  void aFileThatCannotBeReadIsNamedWithTheWayOut() throws Exception {
    process();
    Files.writeString(dir.resolve(Sandbox.ACCOUNT), "{\"version\": 1, \"id\": \"x\", \"generat");

    assertThatThrownBy(this::process)
        .isInstanceOf(RefusedException.class)
        .hasMessageStartingWith("--sandbox: cannot read " + dir.resolve(Sandbox.ACCOUNT))
        .hasMessageContaining("capacityctl sandbox reset");
  }

  @Test
  void anotherConfigurationsAccountIsRefused() {
    process();
    CapacityConfig reordered =
        TestConfig.empty().model("haiku").model("sonnet").allDay("sonnet: 1, haiku: 1").build();

    assertThatThrownBy(() -> new Sandbox(dir).open(reordered, SandboxTest::warmUp))
        .isInstanceOf(RefusedException.class)
        .hasMessageStartingWith("--sandbox: " + dir + " holds the account of configuration")
        .hasMessageContaining("sandbox reset");
  }

  @Test
  void resetRemovesTheAccountAndTheNextOpenMakesAFreshOne() {
    SimAccount first = process();
    first.exclusive().run(() -> first.state().putOverride(override(first, "sonnet", 25)));

    boolean removed = new Sandbox(dir).reset();
    boolean again = new Sandbox(dir).reset();
    SimAccount fresh = process();

    assertThat(removed).isTrue();
    assertThat(again).isFalse();
    assertThat(fresh.state().activeOverrides(fresh.clock().instant())).isEmpty();
    assertThat(new Sandbox(dir).show()).isPresent();
  }
}
