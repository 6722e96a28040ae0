package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.operator.OneOffEvents;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capacityctl events add}. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description =
        "Add (or replace) an event: --start for a one-off, or --cron for a recurring one.")
final class EventsAddCommand extends GraphCommand {
  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name.")
  String name;

  @Option(
      names = "--start",
      paramLabel = "DATETIME",
      description =
          "Start, ISO-8601, e.g. 2027-01-18T00:00+09:00; without an offset, in the config's zone.")
  String start;

  @Option(
      names = "--cron",
      paramLabel = "EXPR",
      description = "Quartz cron in the config's zone, e.g. \"0 0 0 ? * MON\".")
  String cron;

  @Option(
      names = "--duration",
      required = true,
      paramLabel = "DURATION",
      description = "How long it lasts, e.g. 8h, 90m or PT8H (1m to 31d).")
  String duration;

  @Option(
      names = "--multiplier",
      required = true,
      paramLabel = "X",
      description = "Multiplies the schedule's value, in (0, 10]: e.g. 5, or 0.5 for a dip.")
  String multiplier;

  @Option(
      names = "--lead-time",
      paramLabel = "DURATION",
      description = "Capacity is raised this long before the start (default none, at most 7d).")
  String leadTime;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "MODEL",
      description = "Models it affects (default all).")
  List<String> models = List.of();

  EventsAddCommand(CliEnvironment env) {
    super(env);
  }

  /** The options go through the configuration file's event rules, as text (see OneOffEvents). */
  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("cron", cron);
    fields.put("start", start);
    fields.put("duration", duration);
    fields.put("multiplier", multiplier);
    fields.put("leadTime", leadTime);
    fields.put("models", models.isEmpty() ? null : models);
    EventSpec e = graph.events().add(fields);
    if (json()) {
      Json.print(out, e);
    } else {
      out.println("event added: " + OneOffEvents.describe(e));
    }
    return ExitCodes.OK;
  }
}
