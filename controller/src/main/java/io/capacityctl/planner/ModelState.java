package io.capacityctl.planner;

import java.time.Duration;

/**
 * What the cloud holds for one model at the start of a pass, as counted from its PTs.
 *
 * @param inServiceUnits units of routed PTs in service (ours and committed)
 * @param creatingUnits units of our PTs still in Creating (planned, not yet serving)
 * @param committedUnits units of committed PTs: a floor never removed
 * @param drainingUnits units of ours taken out of routing, waiting to be deleted
 * @param demand observed demand; null when the metrics read failed
 * @param problem why this model's view is partial (PT list failed, ...), or null
 * @param observedProvisioning the longest provisioning this model's own creations showed, a
 *     creation still in progress included ({@code ProvisioningObserved.longest()}); null when none
 *     was observed (or the records could not be read): the event floor's lead time then holds as
 *     configured, the literal reading
 */
public record ModelState(
    String model,
    int inServiceUnits,
    int creatingUnits,
    int committedUnits,
    int drainingUnits,
    DemandHistory demand,
    String problem,
    Duration observedProvisioning) {

  /** A model whose provisioning was never observed. */
  public ModelState(
      String model,
      int inServiceUnits,
      int creatingUnits,
      int committedUnits,
      int drainingUnits,
      DemandHistory demand,
      String problem) {
    this(
        model, inServiceUnits, creatingUnits, committedUnits, drainingUnits, demand, problem, null);
  }

  /** The same state with {@code demand} read instead (suspect minutes set aside). */
  public ModelState withDemand(DemandHistory demand) {
    return new ModelState(
        model,
        inServiceUnits,
        creatingUnits,
        committedUnits,
        drainingUnits,
        demand,
        problem,
        observedProvisioning);
  }

  /** Units that exist or are coming and will serve callers (draining excluded). */
  public int plannedUnits() {
    return inServiceUnits + creatingUnits;
  }
}
