package io.capacityctl.cli;

import io.capacityctl.planner.EcsDecision;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.reconcile.PassReport;
import java.io.PrintWriter;
import java.util.List;

/** Prints a reconcile pass (or a plan): decisions with their reasons, actions, failures. */
final class PassPrinter {
  private PassPrinter() {}

  static void print(PrintWriter out, PassReport r, boolean json) {
    if (json) {
      Json.print(out, r);
      return;
    }
    out.printf("%s at %s by %s%n", r.outcome(), r.at(), r.holder());
    if (r.plan() != null) {
      out.printf("%-8s %7s %7s  %s%n", "target", "current", "wanted", "why");
      for (ModelDecision d : r.plan().models().values()) {
        out.printf("%-8s %7d %7d  %s%n", d.model(), d.currentUnits(), d.targetUnits(), d.reason());
      }
      EcsDecision e = r.plan().ecs();
      if (e != null) {
        out.printf("%-8s %7d %7d  %s%n", "ecs", e.currentTasks(), e.targetTasks(), e.reason());
      }
    }
    section(
        out,
        r.outcome() == PassReport.Outcome.PLANNED ? "would do" : "done",
        r.actions().isEmpty() ? List.of("nothing to change") : r.actions());
    section(out, "warnings", r.warnings());
    section(out, "failures", r.failures().stream().map(PassReport.Failure::toString).toList());
  }

  private static void section(PrintWriter out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.println(title + ":");
      lines.forEach(l -> out.println("  " + l));
    }
  }
}
