package io.capacityctl.state;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The state store in memory: for the simulator and tests. Fencing follows the lease manager it is
 * given: an audit write with an older token than the newest handed out is refused.
 */
public final class InMemoryStateStore implements StateStore {
  private final Map<String, CapacityOverride> overrides = new LinkedHashMap<>();
  private final Map<String, EventSpec> events = new LinkedHashMap<>();
  private final Deque<AuditEntry> audit = new ArrayDeque<>();
  private final LongSupplier currentToken;
  private final int auditLimit;

  /**
   * @param currentToken the lease's newest fencing token
   * @param auditLimit how many audit entries to keep (the simulator writes tens of thousands)
   */
  public InMemoryStateStore(LongSupplier currentToken, int auditLimit) {
    this.currentToken = currentToken;
    this.auditLimit = auditLimit;
  }

  public InMemoryStateStore(InMemoryLeaseManager leases) {
    this(leases::currentToken, 10_000);
  }

  @Override
  public synchronized List<CapacityOverride> activeOverrides(Instant now) {
    return overrides.values().stream().filter(o -> o.activeAt(now)).toList();
  }

  @Override
  public synchronized void putOverride(CapacityOverride override) {
    overrides.put(override.target(), override);
  }

  @Override
  public synchronized boolean clearOverride(String target) {
    return overrides.remove(target) != null;
  }

  @Override
  public synchronized List<EventSpec> extraEvents() {
    return List.copyOf(events.values());
  }

  @Override
  public synchronized void putEvent(EventSpec event) {
    events.put(event.name(), event);
  }

  @Override
  public synchronized boolean removeEvent(String name) {
    return events.remove(name) != null;
  }

  @Override
  public synchronized void appendAudit(AuditEntry entry) {
    if (entry.fencingToken() != 0 && entry.fencingToken() < currentToken.getAsLong()) {
      throw new StaleLeaseException(
          "fencing token " + entry.fencingToken() + " is older than " + currentToken.getAsLong());
    }
    audit.addLast(entry);
    while (audit.size() > auditLimit) {
      audit.pollFirst();
    }
  }

  @Override
  public synchronized List<AuditEntry> recentAudit(int limit) {
    List<AuditEntry> all = new ArrayList<>(audit);
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }
}
