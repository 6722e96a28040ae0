package io.capacityctl.state;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state store kept in memory, for tests, the simulator and dry runs. Same contract as the
 * DynamoDB store, including fencing: a write made under a lease (audit entry, purchase record,
 * circuit state) whose token is not the lease's current one is refused, checked and written under
 * the lease item's lock as DynamoDB does it in one transaction.
 */
public final class InMemoryStateStore implements StateStore {
  private final InMemoryLeaseTable leases;
  private final Map<String, CapacityOverride> overrides = new LinkedHashMap<>();
  private final Map<String, EventSpec> events = new LinkedHashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Map<String, Map<String, Instant>> arnsUntil = new LinkedHashMap<>();
  private final Map<String, PurchaseIntent> purchases = new LinkedHashMap<>();
  private final Map<String, Creation> creations = new LinkedHashMap<>(); // by ARN
  // creations() in order, made again only after a change: every pass reads it, few change it.
  private List<Creation> creationsInOrder;

  private CircuitState circuit = CircuitState.CLOSED;

  /**
   * @param leases the lease item whose fencing token fenced writes are checked against
   */
  public InMemoryStateStore(InMemoryLeaseTable leases) {
    this.leases = leases;
  }

  /** The table's items as a sandbox keeps them between processes. */
  public record Saved(
      List<CapacityOverride> overrides,
      List<EventSpec> events,
      List<AuditEntry> audit,
      Map<String, Map<String, Instant>> arnsUntil,
      List<PurchaseIntent> purchases,
      Map<String, Instant> lastPrune,
      CircuitState circuit,
      List<Creation> creations) {}

  public synchronized Saved save() {
    Map<String, Map<String, Instant>> arns = new LinkedHashMap<>();
    arnsUntil.forEach((model, until) -> arns.put(model, new LinkedHashMap<>(until)));
    return new Saved(
        List.copyOf(overrides.values()),
        List.copyOf(events.values()),
        List.copyOf(audit),
        arns,
        List.copyOf(purchases.values()),
        new LinkedHashMap<>(lastPrune),
        circuit,
        List.copyOf(creations.values()));
  }

  /** Replaces every item with {@code saved}'s, in place (the lease is restored on its own). */
  public synchronized void restore(Saved saved) {
    overrides.clear();
    saved.overrides().forEach(o -> overrides.put(o.target(), o));
    events.clear();
    saved.events().forEach(e -> events.put(e.name(), e));
    audit.clear();
    audit.addAll(saved.audit());
    arnsUntil.clear();
    saved.arnsUntil().forEach((model, until) -> arnsUntil.put(model, new LinkedHashMap<>(until)));
    prunes.clear(); // what they knew of the ARNs is gone with them
    purchases.clear();
    saved.purchases().forEach(p -> purchases.put(p.clientRequestToken(), p));
    lastPrune.clear();
    lastPrune.putAll(saved.lastPrune());
    circuit = saved.circuit() == null ? CircuitState.CLOSED : saved.circuit();
    creations.clear();
    creationsInOrder = null;
    if (saved.creations() != null) { // a sandbox saved before creations were learned
      saved.creations().forEach(c -> creations.put(c.arn(), c));
    }
  }

  @Override
  public synchronized List<CapacityOverride> activeOverrides(Instant now) {
    if (overrides.isEmpty()) {
      return List.of(); // asked every pass
    }
    List<CapacityOverride> active = new ArrayList<>(overrides.size());
    for (CapacityOverride o : overrides.values()) {
      if (o.activeAt(now)) {
        active.add(o);
      }
    }
    return List.copyOf(active);
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
    Runnable append =
        () -> {
          // Ordered by time, ties in append order: the DynamoDB sort key is (instant, sequence).
          int at = audit.size();
          while (at > 0 && audit.get(at - 1).at().isAfter(entry.at())) {
            at--;
          }
          audit.add(at, entry);
        };
    if (entry.fencingToken() == 0) {
      append.run(); // an operator's write outside a pass: no lease
    } else {
      leases.underToken(entry.fencingToken(), append);
    }
  }

  @Override
  public synchronized List<AuditEntry> recentAudit(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return List.copyOf(audit.subList(Math.max(0, audit.size() - limit), audit.size()));
  }

  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private final Map<String, Instant> lastPrune = new HashMap<>();
  // Per model, which ARNs the next prune must look at (most hours: the few expiring).
  private final Map<String, ArnPrune> prunes = new HashMap<>();

  @Override
  public synchronized void rememberArns(
      String model, Collection<String> arns, Instant now, Duration keep) {
    Map<String, Instant> until = arnsUntil.computeIfAbsent(model, k -> new LinkedHashMap<>());
    ArnPrune prune = prunes.computeIfAbsent(model, k -> new ArnPrune());
    Instant keepUntil = now.plus(keep);
    for (String arn : arns) {
      int known = until.size();
      until.merge(arn, keepUntil, InMemoryStateStore::later); // one look-up an ARN, every pass
      if (until.size() > known) {
        prune.added(keepUntil);
      }
    }
    // Prune expired ARNs at most hourly (a month-long simulation stays small, passes stay cheap);
    // knownArns filters by expiry anyway.
    Instant last = lastPrune.get(model);
    if (last == null || !now.isBefore(last.plus(PRUNE_EVERY))) {
      prune.prune(until, now);
      lastPrune.put(model, now);
    }
  }

  private static Instant later(Instant was, Instant keepUntil) {
    return keepUntil.isAfter(was) ? keepUntil : was;
  }

  @Override
  public synchronized Set<String> knownArns(String model, Instant now) {
    return StateStore.stillKept(arnsUntil.getOrDefault(model, Map.of()), now);
  }

  @Override
  public synchronized void recordPurchase(PurchaseIntent intent, long fencingToken) {
    leases.underToken(
        fencingToken,
        () -> {
          // Abandoned ones go when a purchase is recorded (rare): the map stays as small as the
          // pending.
          purchases.values().removeIf(p -> !p.pendingAt(intent.recordedAt()));
          purchases.putIfAbsent(intent.clientRequestToken(), intent);
        });
  }

  @Override
  public synchronized List<PurchaseIntent> pendingPurchases(Instant now) {
    return purchases.values().stream()
        .filter(p -> p.pendingAt(now))
        .sorted(PurchaseIntent.OLDEST_FIRST)
        .toList();
  }

  @Override
  public synchronized void forgetPurchase(String clientRequestToken, long fencingToken) {
    leases.underToken(fencingToken, () -> purchases.remove(clientRequestToken));
  }

  @Override
  public synchronized CircuitState circuit() {
    return circuit;
  }

  @Override
  public synchronized void saveCircuit(CircuitState state, long fencingToken) {
    leases.underToken(fencingToken, () -> circuit = state);
  }

  @Override
  public synchronized void recordCreation(Creation creation, long fencingToken) {
    leases.underToken(
        fencingToken,
        () -> {
          Creation was = creations.get(creation.arn());
          if (was == null || (!was.done() && creation.done())) {
            creations.put(creation.arn(), creation);
            creationsInOrder = null;
          }
          if (creation.done()) {
            dropOldestDone(creation.model());
          }
        });
  }

  /** Keeps the newest {@link Creation#KEPT_PER_MODEL} done creations of {@code model}. */
  private void dropOldestDone(String model) {
    List<Creation> done =
        creations.values().stream()
            .filter(c -> c.model().equals(model) && c.done())
            .sorted(Creation.NEWEST_DONE_FIRST)
            .toList();
    for (Creation old : done.subList(Math.min(done.size(), Creation.KEPT_PER_MODEL), done.size())) {
      creations.remove(old.arn());
      creationsInOrder = null;
    }
  }

  @Override
  public synchronized void dropCreation(String model, String arn, long fencingToken) {
    leases.underToken(
        fencingToken,
        () -> {
          Creation was = creations.get(arn);
          if (was != null && !was.done() && was.model().equals(model)) {
            creations.remove(arn);
            creationsInOrder = null;
          }
        });
  }

  @Override
  public synchronized List<Creation> creations() {
    if (creationsInOrder == null) {
      creationsInOrder = creations.values().stream().sorted(Creation.CREATED_FIRST).toList();
    }
    return creationsInOrder;
  }
}
