package io.capacityctl.reconcile;

import io.capacityctl.planner.Plan;
import io.capacityctl.ports.CloudException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconcile pass did, for logs, the CLI and health: the plan with its reasons, the actions
 * taken, and every failure named with the AWS action that failed.
 *
 * @param plan null when the pass did not get as far as planning (lease held elsewhere)
 * @param actions actions performed (or, for a dry run, that would be performed)
 * @param warnings problems that did not fail the pass (stuck PTs, foreign PTs, partial reads)
 * @param degradation the rung of the degradation ladder the pass ran on
 */
public record PassReport(
    Instant at,
    Outcome outcome,
    String holder,
    long fencingToken,
    Plan plan,
    List<String> actions,
    List<Failure> failures,
    List<String> warnings,
    DegradationLevel degradation) {

  /** A report of a pass that ran at full capability. */
  public PassReport(
      Instant at,
      Outcome outcome,
      String holder,
      long fencingToken,
      Plan plan,
      List<String> actions,
      List<Failure> failures,
      List<String> warnings) {
    this(
        at,
        outcome,
        holder,
        fencingToken,
        plan,
        actions,
        failures,
        warnings,
        DegradationLevel.FULL);
  }

  /** How the pass ended. */
  public enum Outcome {
    /** Changed something, all steps succeeded. */
    ACTED,
    /** Nothing to change. */
    NO_CHANGE,
    /** Planned only (dry run). */
    PLANNED,
    /** Another controller holds the lease. */
    SKIPPED_LEASE_HELD,
    /** At least one step failed; see failures. */
    FAILED,
    /**
     * Commands shown for confirmation were not run: a fresh look under the lease would command
     * something else; the warnings say what moved.
     */
    REFUSED
  }

  /** One failed step. */
  public record Failure(String step, CloudException.Kind kind, String awsAction, String message) {
    @Override
    public String toString() {
      return step + ": " + kind + " on " + awsAction + ": " + message;
    }
  }

  /**
   * This report with what the orphan sweep did after the pass's own steps: a failed sweep step
   * fails the pass, a deletion makes a pass that changed nothing else one that acted.
   */
  public PassReport withSweep(
      List<String> moreActions, List<Failure> moreFailures, List<String> moreWarnings) {
    List<String> allActions = new ArrayList<>(actions);
    allActions.addAll(moreActions);
    List<Failure> allFailures = new ArrayList<>(failures);
    allFailures.addAll(moreFailures);
    List<String> allWarnings = new ArrayList<>(warnings);
    allWarnings.addAll(moreWarnings);
    Outcome o = outcome;
    if (!moreFailures.isEmpty() && o != Outcome.PLANNED) {
      o = Outcome.FAILED;
    } else if (!moreActions.isEmpty() && o == Outcome.NO_CHANGE) {
      o = Outcome.ACTED;
    }
    return new PassReport(
        at, o, holder, fencingToken, plan, allActions, allFailures, allWarnings, degradation);
  }

  /** This report with {@code more} warnings after its own. */
  public PassReport withWarnings(List<String> more) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new PassReport(
        at, outcome, holder, fencingToken, plan, actions, failures, all, degradation);
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
