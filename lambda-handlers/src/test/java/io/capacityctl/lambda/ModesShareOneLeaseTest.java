package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.cli.CliEnvironment;
import io.capacityctl.cli.Main;
import io.capacityctl.daemon.Daemon;
import io.capacityctl.daemon.DaemonComponent;
import io.capacityctl.daemon.RunSettings;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.testing.SimAccounts;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The three modes on one simulated account: the Lambda handler, a daemon on an accelerated clock
 * (600x: a simulated minute every 100 ms) and the CLI share one reconcile path, one state table and
 * one lease. They never act at once, and an override set from the CLI steers whichever holds the
 * lease on its next pass.
 */
class ModesShareOneLeaseTest {
  static final String LAMBDA = "lambda:capacityctl-reconcile:";
  static final String DAEMON = "daemon:ecs-task";

  private final SimAccount account = Sim.eveningAccount();
  private final ControllerGraph graph = Sim.graph(account);
  private final ReconcileHandler lambda = new ReconcileHandler(Sim.live(account));

  @Test
  void lambdaAndDaemonNeverActAtOnceAndBothHonourACliOverride() throws Exception {
    // 1. The Lambda controls the account; an override from the CLI changes its next pass.
    invokeLambda();
    account.serveMinute();
    cli(
        "override",
        "set",
        "--cloud",
        "sim",
        "--model",
        "sonnet",
        "--units",
        "12",
        "--for",
        "2h",
        "--reason",
        "rehearsal");
    Map<String, Object> steered = invokeLambda();
    assertThat(target(steered, "sonnet")).isEqualTo(12);
    assertThat((String) steered.get("holder")).startsWith(LAMBDA);

    // 2. A daemon starts while the Lambda keeps ticking: both try every pass, one acts at a time
    // (a Lambda invocation gives the lease back after its pass; the daemon keeps it once it has
    // it).
    Daemon daemon =
        DaemonComponent.onSim(
            new RunSettings(DAEMON, Duration.ofSeconds(60), 0, 600, Duration.ofSeconds(5)),
            SimAccounts.unchangingConfig(account),
            account);
    daemon.start();
    List<Map<String, Object>> lambdaPasses = new ArrayList<>();
    try {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
      while (System.nanoTime() < until) {
        lambdaPasses.add(invokeLambda());
        Thread.sleep(30);
      }

      // 3. The Lambda stops ticking; the daemon takes the lease once it expires, and the next
      // CLI override steers the daemon's passes.
      cli(
          "override",
          "set",
          "--cloud",
          "sim",
          "--model",
          "sonnet",
          "--units",
          "16",
          "--for",
          "2h",
          "--reason",
          "final chapter");
      waitFor(() -> plannedSonnetUnits() == 16 && holderNow().equals(DAEMON));
      assertThat(invokeLambda().get("outcome")).isEqualTo("SKIPPED_LEASE_HELD");
    } finally {
      daemon.stop(); // graceful: gives the lease back
    }

    // 4. The Lambda resumes at once on the released lease, under the same override.
    Map<String, Object> resumed = invokeLambda();
    assertThat((String) resumed.get("holder")).startsWith(LAMBDA);
    assertThat(resumed.get("outcome")).isIn("ACTED", "NO_CHANGE");
    assertThat(target(resumed, "sonnet")).isEqualTo(16);

    // Never at once: every fencing token was used by one holder only, the daemon did act, and
    // no Lambda pass was fenced off (a lost lease would fail its audit write).
    Map<Long, Set<String>> actorsByToken = new HashMap<>();
    for (AuditEntry e : account.state().recentAudit(10_000)) {
      if (e.fencingToken() > 0) {
        actorsByToken.computeIfAbsent(e.fencingToken(), t -> new HashSet<>()).add(e.actor());
      }
    }
    assertThat(actorsByToken.values()).allSatisfy(actors -> assertThat(actors).hasSize(1));
    assertThat(actorsByToken.values()).anySatisfy(a -> assertThat(a).containsExactly(DAEMON));
    assertThat(actorsByToken.values())
        .anySatisfy(a -> assertThat(a).singleElement().asString().startsWith(LAMBDA));
    assertThat(lambdaPasses)
        .extracting(p -> p.get("outcome"))
        .allSatisfy(o -> assertThat(o).isIn("ACTED", "NO_CHANGE", "SKIPPED_LEASE_HELD"));
  }

  private Map<String, Object> invokeLambda() {
    return lambda.handleRequest(
        Sim.event(Sim.SCHEDULER_EVENT), Sim.context("capacityctl-reconcile"));
  }

  private void cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            CliEnvironment.simulated(
                account, new StringReader(""), new PrintWriter(out), new PrintWriter(err)),
            args);
    assertThat(code).as(out + " " + err).isZero();
  }

  private int plannedSonnetUnits() {
    return graph.reconcilers().observer().assess().snapshot().pools().get("sonnet").plannedUnits();
  }

  private String holderNow() {
    return account.leases().current(account.clock().instant()).map(l -> l.holder()).orElse("");
  }

  @SuppressWarnings("unchecked")
  private static int target(Map<String, Object> pass, String model) {
    Map<String, Object> targets = (Map<String, Object>) pass.get("targets");
    return (Integer) ((Map<String, Object>) targets.get(model)).get("target");
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
