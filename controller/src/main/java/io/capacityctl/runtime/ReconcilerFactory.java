package io.capacityctl.runtime;

import io.capacityctl.planner.Policy;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;

/**
 * Builds the one reconcile path for a lease holder. Every entry point (Lambda, daemon, CLI) gets
 * its reconcilers here, so all share the planner, the cloud, the state table and the one lease.
 */
public final class ReconcilerFactory {
  private final Policy policy;
  private final CloudPorts cloud;
  private final StateStore state;
  private final LeaseManager leases;
  private final TelemetrySink telemetry;
  private final Clock clock;

  @Inject
  public ReconcilerFactory(
      Policy policy,
      CloudPorts cloud,
      StateStore state,
      LeaseManager leases,
      TelemetrySink telemetry,
      Clock clock) {
    this.policy = policy;
    this.cloud = cloud;
    this.state = state;
    this.leases = leases;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /** A reconciler that acts as {@code holder}, taking or renewing the lease for {@code ttl}. */
  public Reconciler create(String holder, Duration ttl) {
    return new Reconciler(policy, cloud, state, leases, telemetry, clock, holder, ttl);
  }

  /** A reconciler only for observing and planning (plan, status, health): it never acts. */
  public Reconciler observer() {
    return create("observer", Duration.ZERO);
  }
}
