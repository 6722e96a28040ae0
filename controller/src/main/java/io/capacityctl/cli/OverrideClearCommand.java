package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capacityctl override clear}. */
@Command(
    name = "clear",
    mixinStandardHelpOptions = true,
    description = "Clear the override of --model M, of --ecs, or --all; a reason is required.")
final class OverrideClearCommand extends GraphCommand {
  @Option(names = "--model", paramLabel = "MODEL", description = "Model key from the config.")
  String model;

  @Option(names = "--ecs", description = "The ECS service's override.")
  boolean ecs;

  @Option(names = "--all", description = "Every active override.")
  boolean all;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  OverrideClearCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    if ((model != null ? 1 : 0) + (ecs ? 1 : 0) + (all ? 1 : 0) != 1) {
      throw new RefusedException("--model", "give exactly one of --model, --ecs or --all");
    }
    List<String> targets =
        all
            ? graph.overrides().active().stream().map(CapacityOverride::target).toList()
            : List.of(model != null ? model : CapacityOverride.ECS);
    List<String> cleared = new ArrayList<>();
    for (String t : targets) {
      if (graph.overrides().clear(t, reason)) {
        cleared.add(t);
      }
    }
    if (json()) {
      Json.print(out, cleared);
    } else {
      out.println(
          cleared.isEmpty() ? "no override to clear" : "cleared: " + String.join(", ", cleared));
    }
    return ExitCodes.OK;
  }
}
