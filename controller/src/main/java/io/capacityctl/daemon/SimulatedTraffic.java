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

  /** Starts from a warm account: one pass whose purchases are put in service at once. */
  void start(Reconciler reconciler) {
    account.warmStart(reconciler);
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-traffic");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleAtFixedRate(this::step, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void step() {
    if (!account.serveMinute()) {
      LOG.warn("the simulated trace is over at {}: the clock stops", account.clock().instant());
      executor.shutdown();
    }
  }
}
