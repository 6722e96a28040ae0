package io.capacityctl.reconcile;

import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StaleFencingTokenException;

/**
 * The check before every action of a pass that spends or frees money (a PT bought or deleted, a PT
 * drained by the routing table, ECS capacity changed): the lease is still this process's to act
 * under, with {@link LeaseManager#ACT_MARGIN} to spare, by its own monotonic clock. The state-table
 * writes are fenced by the table itself; AWS calls are fenced by this.
 */
final class Fence {
  private final LeaseManager leases;
  private final Lease lease;

  Fence(LeaseManager leases, Lease lease) {
    this.leases = leases;
    this.lease = lease;
  }

  long token() {
    return lease.fencingToken();
  }

  /**
   * @throws StaleFencingTokenException when the lease's acting window has closed: a stalled pass
   *     wakes up here and does nothing more
   */
  void check() {
    if (!leases.holds(lease, LeaseManager.ACT_MARGIN)) {
      throw new StaleFencingTokenException(
          lease.fencingToken(),
          "the lease's acting window has closed (its TTL less "
              + LeaseManager.ACT_MARGIN.toSeconds()
              + " s since it was last renewed, by this process's monotonic clock): another"
              + " controller may take it over");
    }
  }
}
