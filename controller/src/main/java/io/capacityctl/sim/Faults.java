package io.capacityctl.sim;

import io.capacityctl.ports.CloudException;
import java.util.HashMap;
import java.util.Map;

/**
 * Error injection for the simulated cloud: "fail the next N calls of operation X with kind K".
 * Operations are named by their AWS action, e.g. {@code bedrock:CreateProvisionedModelThroughput}.
 */
public final class Faults {
  private final Map<String, Rule> rules = new HashMap<>();

  private record Rule(CloudException.Kind kind, int remaining) {}

  /** The next {@code times} calls of {@code action} fail with {@code kind}. */
  public synchronized void failNext(String action, CloudException.Kind kind, int times) {
    rules.put(action, new Rule(kind, times));
  }

  /** Every call of {@code action} fails with {@code kind} until {@link #clear} is called. */
  public synchronized void failAlways(String action, CloudException.Kind kind) {
    rules.put(action, new Rule(kind, Integer.MAX_VALUE));
  }

  public synchronized void clear(String action) {
    rules.remove(action);
  }

  /** Throws the injected error for {@code action}, if any is pending. */
  public synchronized void check(String action) {
    if (rules.isEmpty()) {
      return; // the simulator's case: every call of every pass comes through here
    }
    Rule r = rules.get(action);
    if (r == null || r.remaining <= 0) {
      return;
    }
    if (r.remaining != Integer.MAX_VALUE) {
      rules.put(action, new Rule(r.kind, r.remaining - 1));
    }
    throw new CloudException(r.kind, action, "injected " + r.kind + " fault");
  }
}
