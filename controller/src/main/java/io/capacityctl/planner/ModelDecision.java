package io.capacityctl.planner;

/**
 * The planner's decision for one model.
 *
 * @param currentUnits units planned before the decision (in service + creating)
 * @param targetUnits units wanted after it
 * @param reason why, in words an operator can act on
 * @param held true when the view was partial or stale and the planner refused to scale down
 */
public record ModelDecision(
    String model, int currentUnits, int targetUnits, String reason, boolean held) {

  public boolean up() {
    return targetUnits > currentUnits;
  }

  public boolean down() {
    return targetUnits < currentUnits;
  }
}
