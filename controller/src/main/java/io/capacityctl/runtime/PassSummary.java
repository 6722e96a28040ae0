package io.capacityctl.runtime;

import io.capacityctl.planner.ModelDecision;
import io.capacityctl.reconcile.DegradationLevel;
import io.capacityctl.reconcile.PassReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reconcile pass as the Lambda and the daemon log and return it: flat, JSON-ready. */
public final class PassSummary {
  private PassSummary() {}

  /** Outcome, holder, per-target decisions, actions, failures and warnings. */
  public static Map<String, Object> of(PassReport r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("outcome", r.outcome().name());
    v.put("at", String.valueOf(r.at()));
    v.put("holder", r.holder());
    v.put("fencingToken", r.fencingToken());
    v.put("degradation", r.degradation().label());
    if (r.plan() != null) {
      Map<String, Object> targets = new LinkedHashMap<>();
      for (ModelDecision d : r.plan().models().values()) {
        targets.put(d.model(), decision(d.currentUnits(), d.targetUnits(), d.reason()));
      }
      if (r.plan().ecs() != null) {
        targets.put(
            "ecs",
            decision(
                r.plan().ecs().currentTasks(),
                r.plan().ecs().targetTasks(),
                r.plan().ecs().reason()));
      }
      v.put("targets", targets);
    }
    v.put("actions", List.copyOf(r.actions()));
    v.put("failures", r.failures().stream().map(PassReport.Failure::toString).toList());
    v.put("warnings", List.copyOf(r.warnings()));
    return v;
  }

  /** One line for a log message. */
  public static String line(PassReport r) {
    return String.format(
        "pass %s%s by %s: %d action%s, %d failure%s, %d warning%s%s",
        r.outcome(),
        r.degradation() == DegradationLevel.FULL
            ? ""
            : " (degraded: " + r.degradation().label() + ")",
        r.holder(),
        r.actions().size(),
        r.actions().size() == 1 ? "" : "s",
        r.failures().size(),
        r.failures().size() == 1 ? "" : "s",
        r.warnings().size(),
        r.warnings().size() == 1 ? "" : "s",
        r.failures().isEmpty() ? "" : ": " + r.failures());
  }

  private static Map<String, Object> decision(int current, int target, String reason) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("current", current);
    d.put("target", target);
    d.put("reason", reason);
    return d;
  }
}
