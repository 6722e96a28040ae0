package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.operator.OneOffEvents;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
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

  @Option(names = "--duration", required = true, paramLabel = "DURATION", description = "e.g. 8h.")
  Duration duration;

  @Option(
      names = "--multiplier",
      required = true,
      paramLabel = "X",
      description = "Multiplies the schedule's value, e.g. 5.")
  double multiplier;

  @Option(
      names = "--lead-time",
      defaultValue = "0m",
      paramLabel = "DURATION",
      description = "Capacity is raised this long before the start (default none).")
  Duration leadTime;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "MODEL",
      description = "Models it affects (default all).")
  List<String> models = List.of();

  EventsAddCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    EventSpec e =
        new EventSpec(
            name,
            cron,
            start == null ? null : parseStart(config),
            duration,
            multiplier,
            leadTime,
            new LinkedHashSet<>(models));
    graph.events().add(e);
    if (json()) {
      Json.print(out, e);
    } else {
      out.println("event added: " + OneOffEvents.describe(e));
    }
    return ExitCodes.OK;
  }

  private OffsetDateTime parseStart(CapacityConfig config) {
    try {
      return OffsetDateTime.parse(start);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(start).atZone(config.timezone()).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        throw new RefusedException(
            "--start", "'" + start + "' is not an ISO-8601 date-time, e.g. 2027-01-18T00:00+09:00");
      }
    }
  }
}
