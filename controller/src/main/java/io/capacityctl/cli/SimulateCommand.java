package io.capacityctl.cli;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.planner.Planner;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.TimelineWriter;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import io.capacityctl.sim.TraceGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capacityctl simulate}: replays a traffic trace through the production reconcile path. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replay a traffic trace minute by minute through the controller against a simulated AWS"
          + " account (no AWS account needed) and print cost and service per model.",
      "Without --trace, a synthetic 28-day MangaAssist trace is generated (deterministic by --seed)."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description =
          "CSV with header timestamp,model,tokens_per_second (UTC, one row per model per minute).")
  Path trace;

  @Option(
      names = "--timeline",
      paramLabel = "FILE",
      description = "Write the per-minute timeline CSV here.")
  Path timeline;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the synthetic trace (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--days",
      defaultValue = "28",
      description = "Days of synthetic trace (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--output",
      defaultValue = "table",
      description = "table or json (default ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (days < 1 || days > 366) {
      err.println("--days: must be between 1 and 366, got " + days);
      return ExitCodes.USAGE;
    }
    CapacityConfig cfg;
    Trace t;
    try {
      cfg = config.load();
      t =
          trace == null
              ? TraceGenerator.mangaAssist(seed, days)
              : TraceCsv.read(trace, cfg.modelKeys());
      String mismatch = trace == null ? SyntheticTrace.mismatch(cfg, t) : null;
      if (mismatch != null) {
        err.println("--trace: " + mismatch + "; pass --trace FILE for this config");
        return ExitCodes.USAGE;
      }
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    String traceName =
        trace == null
            ? String.format("synthetic MangaAssist (seed %d, %d days)", seed, days)
            : trace.toString();
    SimulationResult result;
    if (timeline != null) {
      // Write beside the target and move into place, so a failed run leaves no partial file.
      Path tmp = Files.createTempFile(timeline.toAbsolutePath().getParent(), ".timeline", ".csv");
      try (TimelineWriter w =
          new TimelineWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
        result = run(cfg, t, w);
      } catch (RuntimeException | IOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, timeline, StandardCopyOption.REPLACE_EXISTING);
    } else {
      result = run(cfg, t, null);
    }
    new SimulationPrinter(out, output).print(cfg, traceName, result);
    if (timeline != null && output == OutputFormat.TABLE) {
      out.println("timeline written to " + timeline);
    }
    return ExitCodes.OK;
  }

  private static SimulationResult run(CapacityConfig cfg, Trace t, TimelineWriter w) {
    return Simulator.run(cfg, t, "capacityctl", c -> new Planner(c, CapacityCalendar.of(c)), w);
  }
}
