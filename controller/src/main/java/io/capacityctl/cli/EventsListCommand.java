package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.OneOffEvents;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code capacityctl events list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the config file's events and those added with 'events add'.")
final class EventsListCommand extends GraphCommand {
  EventsListCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    List<OneOffEvents.Listed> events = graph.events().list();
    if (json()) {
      Json.print(out, events);
    } else {
      events.forEach(
          l ->
              out.printf(
                  "%-5s %s%n", l.source().name().toLowerCase(), OneOffEvents.describe(l.event())));
    }
    return ExitCodes.OK;
  }
}
