package io.capacityctl.state;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import java.time.Instant;
import java.util.List;

/**
 * What capacityctl keeps between passes: overrides, one-off events added by operators and the audit
 * log. Capacity itself is never stored: every pass re-reads it from the cloud.
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

  /** Appends to the audit log; refused when {@code entry.fencingToken()} is stale. */
  void appendAudit(AuditEntry entry);

  /** The newest entries, newest last. */
  List<AuditEntry> recentAudit(int limit);
}
