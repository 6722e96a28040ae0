package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
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
    return plan.warnings().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
