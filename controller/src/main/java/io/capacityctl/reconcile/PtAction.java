package io.capacityctl.reconcile;

import java.time.Instant;

/** One change to a model's PT pool, computed purely by {@link PoolPlanner}. */
public sealed interface PtAction {

  String model();

  /**
   * Buy a no-commitment PT.
   *
   * @param firstSent when this purchase was first sent, for one sent again because its PT is not
   *     listed yet; null for a new purchase
   */
  record Create(String model, String name, int units, String clientRequestToken, Instant firstSent)
      implements PtAction {}

  /** Take a PT out of the routing table; it is deleted once the drain time has passed. */
  record Drain(String model, String arn, int units) implements PtAction {}

  /** Put a draining PT back in the routing table (cheaper than buying a new one). */
  record Undrain(String model, String arn, int units) implements PtAction {}

  /**
   * Delete a PT (ours only, never committed).
   *
   * @param wasPlanned true when it counted toward planned capacity (a cancelled Creating PT), false
   *     for failed or drained ones that had already left it
   */
  record Delete(String model, String arn, int units, String why, boolean wasPlanned)
      implements PtAction {}
}
