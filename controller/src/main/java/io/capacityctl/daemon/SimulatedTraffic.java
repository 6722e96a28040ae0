package io.capacityctl.daemon;

import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.sim.SimAccount;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The accelerated clock of {@code run --cloud sim}: every {@code 60 s / speed} of real time, the
 * simulated account serves the current minute of its trace (into its CloudWatch) and its clock
 * moves on a minute, as {@code Simulator} does between passes.
 */
final class SimulatedTraffic {
  private static final Logger LOG = LogManager.getLogger(SimulatedTraffic.class);

  private final SimAccount account;
  private final long periodMillis;
  private ScheduledExecutorService executor;

  SimulatedTraffic(SimAccount account, RunSettings settings) {
    this.account = account;
    this.periodMillis = settings.realMillis(java.time.Duration.ofMinutes(1));
  }

  /**
   * Starts. A fresh account is warmed first: one pass whose purchases are put in service at once;
   * one a controller has run already (the sandbox) goes on as it is.
   */
  void start(Reconciler reconciler) {
    if (!account.controlled()) {
      exclusive(() -> account.warmStart(reconciler));
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-traffic");
              t.setDaemon(true);
              return t;
            });
    // A fixed delay, not a fixed rate: while something else has the account (a CLI command on the
    // sandbox) the clock waits, and does not then race through the minutes it missed, which would
    // let the lease expire under passes that Quartz skipped meanwhile.
    executor.scheduleWithFixedDelay(this::step, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Runs {@code work} with the account to itself (a sandbox shared with other processes). */
  void exclusive(Runnable work) {
    account.exclusive().run(work);
  }

  private void step() {
    if (!account.exclusive().call(account::serveMinute)) {
      LOG.warn("the simulated trace is over at {}: the clock stops", account.clock().instant());
      executor.shutdown();
    }
  }
}
