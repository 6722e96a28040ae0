package io.capacityctl.sim;

import io.capacityctl.ports.CloudException;
import java.util.HashMap;
import java.util.Map;

/**
 * Error injection for the simulated cloud: "fail the next N calls of operation X with kind K", or
 * "let the next N calls of X take effect and lose their answer". Operations are named by their AWS
 * action, e.g. {@code bedrock:CreateProvisionedModelThroughput}.
 */
public final class Faults {
  private final Map<String, Rule> rules = new HashMap<>();
  private final Map<String, Integer> lostAnswers = new HashMap<>();

  private record Rule(CloudException.Kind kind, int remaining) {}

  /** The next {@code times} calls of {@code action} fail with {@code kind}. */
  public synchronized void failNext(String action, CloudException.Kind kind, int times) {
    rules.put(action, new Rule(kind, times));
  }

  /** Every call of {@code action} fails with {@code kind} until {@link #clear} is called. */
  public synchronized void failAlways(String action, CloudException.Kind kind) {
    rules.put(action, new Rule(kind, Integer.MAX_VALUE));
  }

  /**
   * The next {@code times} calls of {@code action} take effect, then fail with {@code UNAVAILABLE}
   * as a timeout or a reset connection would: the caller cannot tell whether the call happened.
   */
  public synchronized void loseAnswerNext(String action, int times) {
    lostAnswers.put(action, times);
  }

  public synchronized void clear(String action) {
    rules.remove(action);
    lostAnswers.remove(action);
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

  /** Called once {@code action} has taken effect: throws when its answer is to be lost. */
  public synchronized void checkAnswer(String action) {
    int remaining = lostAnswers.getOrDefault(action, 0);
    if (remaining <= 0) {
      return;
    }
    lostAnswers.put(action, remaining - 1);
    throw new CloudException(
        CloudException.Kind.UNAVAILABLE, action, "injected lost answer: read timed out");
  }
}
