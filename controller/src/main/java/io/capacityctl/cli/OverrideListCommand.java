package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.Overrides;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code capacityctl override list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List active overrides.")
final class OverrideListCommand extends GraphCommand {
  OverrideListCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    List<CapacityOverride> active = graph.overrides().active();
    if (json()) {
      Json.print(out, active);
    } else if (active.isEmpty()) {
      out.println("no active overrides");
    } else {
      active.forEach(
          o ->
              out.printf(
                  "%s, set %s by %s: %s%n",
                  Overrides.describe(o), o.createdAt(), o.who(), o.reason()));
    }
    return ExitCodes.OK;
  }
}
