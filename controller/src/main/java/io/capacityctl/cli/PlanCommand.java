package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.leadtime.LeadTimes;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code capacityctl plan}: what a pass would change now and why; changes nothing. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Observe and plan as a reconcile pass would, and print what would change and why.",
      "A dry run: takes no lease and changes nothing. Exits 1 when the view was partial."
    })
final class PlanCommand extends GraphCommand {
  PlanCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    PassReport plan = graph.reconcilers().observer().planOnly();
    PassPrinter.print(out, plan, json());
    if (!json()) {
      printLeadTimes(out, LeadTimes.of(config, graph.state(), plan.at()));
    }
    return plan.warnings().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  /**
   * What each event's lead time costs against the provisioning time configured and observed, for
   * the events in force within {@link LeadTimes#HORIZON}: nothing when there is none.
   */
  static void printLeadTimes(PrintWriter out, LeadTimes leadTimes) {
    boolean title = false;
    for (Map.Entry<String, LeadTimes.Model> e : leadTimes.models().entrySet()) {
      if (e.getValue().leadTimes().isEmpty()) {
        continue;
      }
      if (!title) {
        out.printf(
            "lead time (events within %dd; units over the schedule's, forecast demand not in it):%n",
            LeadTimes.HORIZON.toDays());
        title = true;
      }
      out.printf("  %s: %s%n", e.getKey(), e.getValue().provisioning().describe());
      e.getValue().leadTimes().forEach(c -> out.printf("    %s%n", c.describe()));
    }
    leadTimes.problems().forEach(p -> out.println("  " + p));
  }
}
