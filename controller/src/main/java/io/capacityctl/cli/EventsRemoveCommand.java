package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capacityctl events remove}. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Remove an event added with 'events add' (the file's events stay in the file).")
final class EventsRemoveCommand extends GraphCommand {
  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its name.")
  String name;

  EventsRemoveCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    boolean removed = graph.events().remove(name);
    out.println(removed ? "event removed: " + name : "no added event named " + name);
    return removed ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
