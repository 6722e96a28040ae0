package io.capacityctl.state;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What capacityctl keeps between passes: overrides, one-off events added by operators, the audit
 * log, the PT ARNs seen lately, the purchases sent but not yet listed and the control-plane
 * circuit, and the PT creations watched to learn the provisioning time. Capacity itself is never
 * stored: every pass re-reads it from the cloud. What a pass writes about money (audit, purchases,
 * circuit) is fenced: refused unless written under the lease's current token.
 */
public interface StateStore {

  /** Overrides still in force at {@code now}. */
  List<CapacityOverride> activeOverrides(Instant now);

  /** Sets (replaces) the override for its target. */
  void putOverride(CapacityOverride override);

  /** Removes the override for a target; false when there was none. */
  boolean clearOverride(String target);

  /** One-off events added with {@code events add}, merged with the file's calendar. */
  List<EventSpec> extraEvents();

  void putEvent(EventSpec event);

  boolean removeEvent(String name);

  /**
   * Appends to the audit log; refused ({@link StaleFencingTokenException}) when {@code
   * entry.fencingToken()} is not the lease's current token (0: an operator's write, no lease).
   */
  void appendAudit(AuditEntry entry);

  /** The newest entries, newest last. */
  List<AuditEntry> recentAudit(int limit);

  /**
   * Records that {@code arns}, PTs of {@code model}, were seen at {@code now}; each stays known for
   * {@code keep} after its latest sighting, then is forgotten. Metrics history reaches back to
   * minutes served by PTs deleted since, which the PT list no longer shows.
   */
  void rememberArns(String model, Collection<String> arns, Instant now, Duration keep);

  /** The ARNs of {@code model} still remembered at {@code now}. */
  Set<String> knownArns(String model, Instant now);

  /**
   * The ARNs of {@code keepUntil} (ARN to the end of its keep time) still remembered at {@code
   * now}, in the map's order: what {@link #knownArns} answers from a store's records.
   */
  static Set<String> stillKept(Map<String, Instant> keepUntil, Instant now) {
    Set<String> known = new LinkedHashSet<>();
    keepUntil.forEach(
        (arn, until) -> {
          if (until.isAfter(now)) {
            known.add(arn);
          }
        });
    return known;
  }

  /**
   * Records a purchase before it is sent, under the lease: refused ({@link
   * StaleFencingTokenException}) unless {@code fencingToken} is the lease's current token. A
   * purchase with the same client request token already recorded is kept as it is: its first {@code
   * recordedAt} and {@code until} stand.
   */
  void recordPurchase(PurchaseIntent intent, long fencingToken);

  /** Purchases recorded, not forgotten and still pending at {@code now}, oldest first. */
  List<PurchaseIntent> pendingPurchases(Instant now);

  /**
   * Forgets a purchase (its PT has been listed), under the lease as {@link #recordPurchase};
   * nothing happens when it is not recorded.
   */
  void forgetPurchase(String clientRequestToken, long fencingToken);

  /** The control-plane circuit as the last pass left it; {@link CircuitState#CLOSED} at first. */
  CircuitState circuit();

  /** Keeps the circuit for the next pass, under the lease as {@link #recordPurchase}. */
  void saveCircuit(CircuitState state, long fencingToken);

  /**
   * Records a creation under the lease as {@link #recordPurchase}, at most once per PT: a watched
   * one ({@link Creation#done()} false) only when the PT is not recorded yet; a done one when the
   * PT is not recorded or only watched. A done record stands: recording the PT again (another pass,
   * a restarted or a second controller) changes nothing. Only the newest {@link
   * Creation#KEPT_PER_MODEL} done ones of a model are kept.
   */
  void recordCreation(Creation creation, long fencingToken);

  /**
   * Forgets a watched creation (its PT was deleted or failed before it went InService), under the
   * lease as {@link #recordPurchase}; a done one, or one not recorded, is left as it is.
   */
  void dropCreation(String model, String arn, long fencingToken);

  /**
   * Every model's watched creations and its newest done ones, oldest created first: an unmodifiable
   * list that never changes once returned (a store may return the same one while nothing changed).
   */
  List<Creation> creations();
}
