package io.capacityctl.orphans;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.HeartbeatsApi;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.StaleFencingTokenException;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orphan sweep's acting half, run by a pass that holds the lease after the plan is applied:
 * deletes this configuration's retiring PTs whose grace period is over — each one, like every
 * deletion, audited under the pass's fencing token before the call and sent only while the lease's
 * acting window is open (the pass's fence), so a controller that lost the lease or stalled past it
 * deletes nothing — then writes the configuration's heartbeat, under the lease too, and publishes
 * {@code OrphanedUnits} and {@code RetiringUnits}. Only PTs tagged with this configuration's name
 * (or a name it adopts) and without a commitment are ever deleted ({@link FleetReport}).
 */
public final class OrphanSweep {
  /** Units billed that no controller will manage or remove: the stack alarms on it. */
  public static final String ORPHANED_UNITS = "OrphanedUnits";

  /** Units of this configuration's that no model claims, waiting out their grace period. */
  public static final String RETIRING_UNITS = "RetiringUnits";

  /**
   * How long a heartbeat claims its configuration: passes run every minute, so ten minutes covers a
   * lease handover (3 minutes), a control-plane circuit's cool-down (5) and a few failed passes,
   * and an orphaned fleet is still reported — and alarmed — within fifteen minutes.
   */
  public static final Duration CLAIM = Duration.ofMinutes(10);

  /** What the sweep did, for the pass report. */
  public record Result(List<String> actions, List<Failed> failures, List<String> warnings) {}

  /** A failed step, as the pass report names it. */
  public record Failed(String step, CloudException.Kind kind, String awsAction, String message) {}

  private final CapacityConfig config;
  private final ProvisionedThroughputApi bedrock;
  private final HeartbeatsApi heartbeats;
  private final StateStore state;
  private final TelemetrySink telemetry;
  private final String holder;
  private final long token;
  private final Runnable fence;
  private final Duration claim;

  /**
   * @param fence checks, before every deletion and the heartbeat, that the lease is still this
   *     pass's to act under; throws {@link StaleFencingTokenException} when it is not
   * @param leaseTtl the lease's time to live: a heartbeat claims for at least two of them, so a
   *     controller passing as slowly as its lease allows is never reported orphaned
   */
  public OrphanSweep(
      CapacityConfig config,
      ProvisionedThroughputApi bedrock,
      HeartbeatsApi heartbeats,
      StateStore state,
      TelemetrySink telemetry,
      String holder,
      long token,
      Runnable fence,
      Duration leaseTtl) {
    this.config = config;
    this.bedrock = bedrock;
    this.heartbeats = heartbeats;
    this.state = state;
    this.telemetry = telemetry;
    this.holder = holder;
    this.token = token;
    this.fence = fence;
    Duration twoLeases = leaseTtl.multipliedBy(2);
    this.claim = twoLeases.compareTo(CLAIM) > 0 ? twoLeases : CLAIM;
  }

  /** What {@link #run} would do with {@code fleet}, without doing it (plan, dry runs). */
  public static Result dryRun(CapacityConfig config, FleetReport fleet) {
    List<String> would = new ArrayList<>();
    for (Retiring r : fleet.due()) {
      would.add(describe(config, r));
    }
    return new Result(would, List.of(), fleet.warnings(config));
  }

  public Result run(FleetReport fleet, Instant now) {
    List<String> done = new ArrayList<>();
    List<Failed> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>(fleet.warnings(config));
    Map<String, Instant> retiringSince = new LinkedHashMap<>();
    if (fleet.listed()) {
      fleet.retiring().forEach(r -> retiringSince.put(r.pt().arn(), r.since()));
    } else if (fleet.previous() != null) {
      // Nothing listed: carry the last sightings unchanged, so no grace period restarts.
      retiringSince.putAll(fleet.previous().retiringSince());
    }
    if (fleet.heartbeatProblem() == null) {
      for (Retiring r : fleet.due()) {
        String what = describe(config, r);
        try {
          fence.run();
          audit("delete-pt", r.pt().modelTag(), what, now);
        } catch (StaleFencingTokenException e) {
          return stale(done, failures, warnings, e);
        } catch (CloudException e) {
          // Never a deletion the audit trail does not hold: the next pass tries again.
          failures.add(new Failed("audit before " + what, e.kind(), e.action(), e.getMessage()));
          break;
        }
        try {
          fence.run();
          bedrock.delete(r.pt().arn());
          done.add(what);
          retiringSince.remove(r.pt().arn());
        } catch (StaleFencingTokenException e) {
          return stale(done, failures, warnings, e);
        } catch (CloudException e) {
          if (e.kind() == CloudException.Kind.NOT_FOUND) {
            warnings.add(r.pt().arn() + " already gone");
            retiringSince.remove(r.pt().arn());
            continue;
          }
          failures.add(new Failed(what, e.kind(), e.action(), e.getMessage()));
          auditFailure(r.pt().modelTag(), what, e, now);
          if (e.terminal()) {
            break; // denied or invalid: the next deletion would fail the same way
          }
        }
      }
      // Not when this configuration's own heartbeat was unreadable: the first sightings it holds
      // would be lost, and every grace period would start again.
      try {
        fence.run();
      } catch (StaleFencingTokenException e) {
        return stale(done, failures, warnings, e);
      }
      writeHeartbeat(retiringSince, now, warnings);
    }
    if (fleet.listed()) {
      int overdue = 0;
      int retiringLeft = 0;
      for (Retiring r : fleet.retiring()) {
        if (retiringSince.containsKey(r.pt().arn())) {
          retiringLeft += r.pt().modelUnits();
          overdue += r.dueAt(now) ? r.pt().modelUnits() : 0;
        }
      }
      // Due and still there: nothing will remove them until what failed is fixed.
      telemetry.put(ORPHANED_UNITS, fleet.orphanedUnits() + overdue, "Count", Map.of());
      telemetry.put(RETIRING_UNITS, retiringLeft, "Count", Map.of());
      telemetry.flush();
    }
    return new Result(done, failures, warnings);
  }

  /** Another controller may hold the lease now: it sweeps; this one does nothing more. */
  private static Result stale(
      List<String> done, List<Failed> failures, List<String> warnings, RuntimeException e) {
    failures.add(new Failed("fencing", CloudException.Kind.CONFLICT, "lease", e.getMessage()));
    return new Result(done, failures, warnings);
  }

  /** Claims the configuration for {@link #claim} and carries the retiring PTs' first sightings. */
  private void writeHeartbeat(
      Map<String, Instant> retiringSince, Instant now, List<String> warnings) {
    try {
      heartbeats.write(
          config.aws().stateTable(),
          new ConfigHeartbeat(
              config.name(), now, now.plus(claim), config.aws().adoptFrom(), retiringSince));
    } catch (CloudException e) {
      warnings.add(
          "heartbeat not written ("
              + e.getMessage()
              + "): other configurations' controllers report this one's PTs orphaned once its"
              + " last claim ends");
    }
  }

  private void audit(String kind, String modelKey, String detail, Instant now) {
    state.appendAudit(new AuditEntry(now, holder, kind, String.valueOf(modelKey), detail, token));
  }

  private void auditFailure(String target, String what, CloudException e, Instant now) {
    try {
      audit("failed", target, what + ": " + e.getMessage(), now);
    } catch (RuntimeException ignored) {
      // The failure is already in the report; an audit outage must not hide it.
    }
  }

  static String describe(CapacityConfig config, Retiring r) {
    return "delete "
        + r.pt().modelTag()
        + " PT "
        + r.pt().arn()
        + " ("
        + FleetReport.units(r.pt().modelUnits())
        + ", "
        + FleetReport.why(config, String.valueOf(r.pt().modelTag()))
        + ": grace period over at "
        + r.deleteAt()
        + ")";
  }
}
