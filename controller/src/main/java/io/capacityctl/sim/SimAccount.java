package io.capacityctl.sim;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.state.InMemoryLeaseManager;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A whole simulated AWS account for one config on one fake clock: the {@link SimulatedCloud}, the
 * state table and lease (in memory), CloudWatch for the controller's own metrics, and a traffic
 * trace that {@link #serveMinute} feeds into CloudWatch. Every mode run with {@code --cloud sim}
 * works on one; sharing one shows that the modes share one lease and one state table.
 */
public final class SimAccount {
  private final CapacityConfig config;
  private final Trace trace;
  private final SimulatedCloud cloud;
  private final InMemoryLeaseManager leases = new InMemoryLeaseManager();
  private final InMemoryStateStore state = new InMemoryStateStore(leases);
  private final SimTelemetry telemetry;
  private final TrafficStep traffic;

  public SimAccount(CapacityConfig config, Trace trace) {
    this.config = config;
    this.trace = trace;
    this.cloud = new SimulatedCloud(config, trace.start(), trace.minutes());
    this.telemetry = new SimTelemetry(cloud.clock());
    this.traffic = new TrafficStep(config, cloud);
  }

  public CapacityConfig config() {
    return config;
  }

  public Trace trace() {
    return trace;
  }

  public SimulatedCloud cloud() {
    return cloud;
  }

  public FakeClock clock() {
    return cloud.clock();
  }

  public InMemoryLeaseManager leases() {
    return leases;
  }

  public InMemoryStateStore state() {
    return state;
  }

  public SimTelemetry telemetry() {
    return telemetry;
  }

  /**
   * Moves the clock to the start of trace minute {@code minute} (earlier minutes stay unserved).
   */
  public void jumpTo(int minute) {
    clock().set(trace.minute(minute));
  }

  /**
   * Serves the trace minute the clock is in (PTs routed now take the traffic, CloudWatch records
   * it) and moves the clock to the next minute's start.
   *
   * @return false, doing nothing, once the clock is past the trace
   */
  public synchronized boolean serveMinute() {
    Instant now = clock().instant();
    long minute = Duration.between(trace.start(), now).toMinutes();
    if (now.isBefore(trace.start()) || minute >= trace.minutes()) {
      return false;
    }
    traffic.serve(trace, (int) minute);
    clock().set(trace.minute((int) minute + 1));
    return true;
  }

  /**
   * Runs one pass and puts what it bought in service at once, as an account that has been running
   * would be (the {@link Simulator}'s warm start). Nothing is completed when another controller
   * holds the lease: the account is already running.
   */
  public void warmStart(Reconciler reconciler) {
    if (reconciler.reconcileOnce().outcome() != PassReport.Outcome.SKIPPED_LEASE_HELD) {
      cloud.bedrock().completeCreations();
      cloud.ecs().completeStarts();
    }
  }

  /** One pass then one minute of traffic, {@code minutes} times: the simulator's loop. */
  public void run(Reconciler reconciler, int minutes) {
    for (int i = 0; i < minutes; i++) {
      reconciler.reconcileOnce();
      if (!serveMinute()) {
        return;
      }
    }
  }
}
