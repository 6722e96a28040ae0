package io.capacityctl.testing;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.CircuitState;
import io.capacityctl.state.Creation;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A state store that passes every call to another: tests override the calls they interrupt. */
public class ForwardingStateStore implements StateStore {
  private final StateStore real;

  public ForwardingStateStore(StateStore real) {
    this.real = real;
  }

  @Override
  public List<CapacityOverride> activeOverrides(Instant now) {
    return real.activeOverrides(now);
  }

  @Override
  public void putOverride(CapacityOverride override) {
    real.putOverride(override);
  }

  @Override
  public boolean clearOverride(String target) {
    return real.clearOverride(target);
  }

  @Override
  public List<EventSpec> extraEvents() {
    return real.extraEvents();
  }

  @Override
  public void putEvent(EventSpec event) {
    real.putEvent(event);
  }

  @Override
  public boolean removeEvent(String name) {
    return real.removeEvent(name);
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    real.appendAudit(entry);
  }

  @Override
  public List<AuditEntry> recentAudit(int limit) {
    return real.recentAudit(limit);
  }

  @Override
  public void rememberArns(String model, Collection<String> arns, Instant now, Duration keep) {
    real.rememberArns(model, arns, now, keep);
  }

  @Override
  public Set<String> knownArns(String model, Instant now) {
    return real.knownArns(model, now);
  }

  @Override
  public void recordPurchase(PurchaseIntent intent, long fencingToken) {
    real.recordPurchase(intent, fencingToken);
  }

  @Override
  public List<PurchaseIntent> pendingPurchases(Instant now) {
    return real.pendingPurchases(now);
  }

  @Override
  public void forgetPurchase(String clientRequestToken, long fencingToken) {
    real.forgetPurchase(clientRequestToken, fencingToken);
  }

  @Override
  public CircuitState circuit() {
    return real.circuit();
  }

  @Override
  public void saveCircuit(CircuitState state, long fencingToken) {
    real.saveCircuit(state, fencingToken);
  }

  @Override
  public void recordCreation(Creation creation, long fencingToken) {
    real.recordCreation(creation, fencingToken);
  }

  @Override
  public void dropCreation(String model, String arn, long fencingToken) {
    real.dropCreation(model, arn, fencingToken);
  }

  @Override
  public List<Creation> creations() {
    return real.creations();
  }
}
