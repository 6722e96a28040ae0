package io.capacityctl.backtest;

import io.capacityctl.sim.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a backtest found over one trace: each policy's result and capacityctl at each throttle
 * budget of the frontier (empty when none was asked for).
 *
 * @param policies in the order of the table
 * @param frontier by budget, largest first, then by floor, smallest first
 */
public record Comparison(Map<PolicyName, SimulationResult> policies, List<FrontierPoint> frontier) {
  /** The policies a user would run instead of capacityctl (the oracle is a bound, not a choice). */
  public static final List<PolicyName> BASELINES =
      List.of(PolicyName.STATIC_PEAK, PolicyName.SCHEDULE_ONLY, PolicyName.TARGET_TRACKING);

  public Comparison {
    policies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policies));
    frontier = List.copyOf(frontier);
  }

  /** The policies alone, without a frontier. */
  public static Comparison of(Map<PolicyName, SimulationResult> policies) {
    return new Comparison(policies, List.of());
  }

  /** The baselines that ran, in table order. */
  public List<PolicyName> baselines() {
    return BASELINES.stream().filter(policies::containsKey).toList();
  }

  /**
   * The headline: capacityctl against each baseline that ran, then against the oracle; empty when
   * capacityctl did not run.
   */
  public List<Saving> savings() {
    SimulationResult c = policies.get(PolicyName.CAPACITYCTL);
    List<Saving> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    for (PolicyName p : baselines()) {
      out.add(new Saving(p, c, policies.get(p)));
    }
    if (policies.containsKey(PolicyName.ORACLE)) {
      out.add(new Saving(PolicyName.ORACLE, c, policies.get(PolicyName.ORACLE)));
    }
    return out;
  }

  /**
   * The baselines that ran and {@code r} dominates: it costs no more and throttles no more tokens,
   * and is strictly better on one of the two.
   */
  public List<PolicyName> dominated(SimulationResult r) {
    return baselines().stream().filter(b -> dominates(r, policies.get(b))).toList();
  }

  /**
   * {@link #dominated} in words: "every baseline" (when more than one ran), a list, "none", or "-"
   * when no baseline ran.
   */
  public String dominatedText(SimulationResult r) {
    List<PolicyName> d = dominated(r);
    if (baselines().isEmpty()) {
      return "-";
    }
    if (d.isEmpty()) {
      return "none";
    }
    return d.size() > 1 && d.size() == baselines().size()
        ? "every baseline"
        : String.join(", ", d.stream().map(PolicyName::label).toList());
  }

  private static boolean dominates(SimulationResult a, SimulationResult b) {
    return dominates(a.totalCostUsd(), a.throttledTokens(), b.totalCostUsd(), b.throttledTokens());
  }

  /**
   * Whether (cost a, throttled a) dominates (cost b, throttled b). Throttled tokens, not shares:
   * every policy replays the same demand, so tokens compare exactly where rounded shares tie.
   */
  static boolean dominates(double costA, double throttledA, double costB, double throttledB) {
    return costA <= costB && throttledA <= throttledB && (costA < costB || throttledA < throttledB);
  }
}
