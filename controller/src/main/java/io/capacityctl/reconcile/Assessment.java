package io.capacityctl.reconcile;

import io.capacityctl.orphans.FleetReport;
import io.capacityctl.planner.Plan;
import java.time.Instant;

/**
 * What the controller sees and wants at one instant, without acting: the pass's observation and the
 * plan made from it. {@code plan}, {@code status} and the health check read this.
 *
 * @param fleet every PT capacityctl bought in the account, sorted for the orphan sweep (retiring,
 *     orphaned, other configurations'); null when the cloud has no heartbeats to read
 */
public record Assessment(Instant at, Snapshot snapshot, Plan plan, FleetReport fleet) {

  /** An assessment without the orphan sweep's view. */
  public Assessment(Instant at, Snapshot snapshot, Plan plan) {
    this(at, snapshot, plan, null);
  }
}
