package io.capacityctl.planner;

/**
 * What the cloud holds for one model at the start of a pass, as counted from its PTs.
 *
 * @param inServiceUnits units of routed PTs in service (ours and committed)
 * @param creatingUnits units of our PTs still in Creating (planned, not yet serving)
 * @param committedUnits units of committed PTs: a floor never removed
 * @param drainingUnits units of ours taken out of routing, waiting to be deleted
 * @param demand observed demand; null when the metrics read failed
 * @param problem why this model's view is partial (PT list failed, ...), or null
 */
public record ModelState(
    String model,
    int inServiceUnits,
    int creatingUnits,
    int committedUnits,
    int drainingUnits,
    DemandHistory demand,
    String problem) {

  /** Units that exist or are coming and will serve callers (draining excluded). */
  public int plannedUnits() {
    return inServiceUnits + creatingUnits;
  }
}
