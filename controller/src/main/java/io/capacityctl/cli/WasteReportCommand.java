package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.waste.HourlyWaste;
import io.capacityctl.waste.ModelWaste;
import io.capacityctl.waste.WasteReport;
import io.capacityctl.waste.WasteReporter;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capacityctl report waste}: waste ratio and wasted dollars per model and local hour. */
@Command(
    name = "waste",
    mixinStandardHelpOptions = true,
    description = {
      "Waste ratio (1 - used / provisioned) and wasted dollars per model and local hour of day,",
      "from the controller's published InServiceUnits and Bedrock's traffic. Default: the last 7"
          + " days of whole hours; at most 15 days back (CloudWatch's one-minute data)."
    })
final class WasteReportCommand extends GraphCommand {
  @Option(
      names = "--from",
      paramLabel = "WHEN",
      description = "Start: 2027-01-04, 2027-01-04T09:00 (config zone) or ISO with offset.")
  String from;

  @Option(names = "--to", paramLabel = "WHEN", description = "End (exclusive), same forms.")
  String to;

  WasteReportCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    Instant now = graph.clock().instant();
    Instant end =
        to == null ? now.truncatedTo(ChronoUnit.HOURS) : parse("--to", to, config.timezone());
    Instant start =
        from == null ? end.minus(WasteReporter.WEEK) : parse("--from", from, config.timezone());
    if (!start.isBefore(end)) {
      throw new RefusedException("--from", "must be before --to (" + start + " >= " + end + ")");
    }
    Instant earliest = now.minus(WasteReporter.MAX_LOOKBACK);
    if (start.isBefore(earliest)) {
      throw new RefusedException(
          "--from",
          "CloudWatch keeps one-minute data for 15 days: the earliest start is " + earliest);
    }
    WasteReport r = graph.wasteReporter().report(start, end);
    if (json()) {
      Json.print(out, r.asMap());
    } else {
      print(out, r);
    }
    return ExitCodes.OK;
  }

  static Instant parse(String option, String value, ZoneId zone) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(value).atZone(zone).toInstant();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
          throw new RefusedException(
              option,
              "'" + value + "' is not a date or date-time, e.g. 2027-01-04 or 2027-01-04T09:00");
        }
      }
    }
  }

  private static void print(PrintWriter out, WasteReport r) {
    out.printf("waste from %s to %s (hours in %s)%n", r.from(), r.to(), r.zone());
    for (ModelWaste m : r.models().values()) {
      out.printf(
          "%n%s%n%5s %8s %9s %7s %10s%n",
          m.model(), "hour", "minutes", "unit-h", "waste", "wasted $");
      for (HourlyWaste h : m.hours()) {
        if (h.minutes() > 0) {
          row(out, String.format("%02d", h.hour()), h);
        }
      }
      row(out, "all", m.total());
      if (m.unobservedMinutes() > 0) {
        out.printf(
            "  %d of %d minutes unobserved (no InServiceUnits published, or no traffic datapoint)%n",
            m.unobservedMinutes(), m.minutes());
      }
    }
    out.printf("%ntotal wasted %s%n", SimulationPrinter.usd(r.wastedUsd()));
  }

  private static void row(PrintWriter out, String hour, HourlyWaste h) {
    out.printf(
        "%5s %8d %9.1f %6.0f%% %10s%n",
        hour,
        h.minutes(),
        h.unitHours(),
        h.wasteRatio() * 100,
        SimulationPrinter.usd(h.wastedUsd()));
  }
}
