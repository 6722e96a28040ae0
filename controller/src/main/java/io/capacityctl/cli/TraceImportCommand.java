package io.capacityctl.cli;

import io.capacityctl.config.ConfigException;
import io.capacityctl.files.PartialFile;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import io.capacityctl.traceimport.Duplicates;
import io.capacityctl.traceimport.ImportRecipe;
import io.capacityctl.traceimport.LongGaps;
import io.capacityctl.traceimport.Scaling;
import io.capacityctl.traceimport.TraceImporter;
import io.capacityctl.traceimport.TraceImporter.Imported;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capacityctl trace import}: a {@code timestamp,value} CSV becomes a minute trace. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Turn a timestamp,value CSV at any interval (a CloudWatch or Datadog export, 1, 5 or 60"
          + " minutes, or irregular) into a trace for simulate --trace: scaled to tokens/s,"
          + " interpolated to minutes with measured minute noise (docs/traces.md).",
      "Errors name the file, line and field; nothing is written then (exit 2)."
    })
final class TraceImportCommand implements Callable<Integer> {
  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The timestamp,value CSV.")
  Path file;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "NAME",
      description = "Model key the trace is for (as in the configuration).")
  String model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where the trace goes (timestamp,model,tokens_per_second).")
  Path out;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ScaleOptions scale;

  static final class ScaleOptions {
    @Option(
        names = "--peak",
        paramLabel = "TPS",
        description =
            "Scale so that the --peak-quantile of the values is TPS tokens/s (not the maximum:"
                + " one absurd datapoint would set the scale).")
    Double peak;

    @Option(
        names = "--tokens-per-event",
        paramLabel = "N",
        description = "Each value counts events per --interval, N tokens each.")
    Double tokensPerEvent;
  }

  @Option(
      names = "--peak-quantile",
      defaultValue = "0.99",
      paramLabel = "Q",
      description = "Which quantile of the values --peak names (default ${DEFAULT-VALUE}).")
  double peakQuantile;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description =
          "With --tokens-per-event: the period each value counts (default: the usual spacing of the samples).")
  Duration interval;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "IANA zone of timestamps without an offset (e.g. America/Chicago); DST-correct.")
  String zone;

  @Option(
      names = "--columns",
      paramLabel = "TIME,VALUE",
      split = ",",
      description =
          "Header names of the timestamp and value columns (default: the first two columns; a header is then optional).")
  List<String> columns;

  @Option(
      names = "--max-gap",
      paramLabel = "DURATION",
      description =
          "Longest gap between samples to interpolate (default 1h, at least twice the usual spacing).")
  Duration maxGap;

  @Option(
      names = "--long-gaps",
      defaultValue = "refuse",
      paramLabel = "HOW",
      description =
          "A gap longer than --max-gap: refuse (default), linear (interpolate across) or daily (repeat the day before).")
  LongGaps longGaps;

  @Option(
      names = "--duplicates",
      defaultValue = "refuse",
      paramLabel = "HOW",
      description =
          "Rows repeating the timestamp of the row before them: refuse (default), or merge them"
              + " keeping the max, mean, first or last value (the summary says how many).")
  Duplicates duplicates;

  @Option(
      names = "--noise",
      defaultValue = "1",
      paramLabel = "SCALE",
      description =
          "Minute noise, as a multiple of the measured model (default ${DEFAULT-VALUE}; 0: none).")
  double noise;

  @Mixin NoiseSeedOption noiseSeed;

  @Option(
      names = "--days",
      defaultValue = "0",
      paramLabel = "N",
      description = "Keep only the first N days (default: all).")
  int days;

  @Option(
      names = "--add-to",
      paramLabel = "TRACE",
      description =
          "A trace of other models to add this model to (the result covers the minutes both have).")
  Path addTo;

  @Mixin OutputOption output;

  /** What {@code --output json} prints. */
  record Written(
      Path out, List<String> models, Instant start, Instant end, int minutes, List<String> notes) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    check();
    Trace trace;
    List<String> notes;
    try {
      Imported imported = TraceImporter.run(recipe());
      notes = imported.notes();
      List<Imported> parts = new ArrayList<>();
      if (addTo != null) {
        Trace before = TraceCsv.read(addTo);
        for (String m : before.models()) {
          parts.add(new Imported(m, before.start(), before.demand().get(m), List.of()));
        }
      }
      parts.add(imported);
      trace = TraceImporter.combine(parts, addTo == null ? file.toString() : addTo.toString());
    } catch (ConfigException e) {
      e.errors().forEach(err::println);
      err.println("trace import: " + e.errors().size() + " problem(s); nothing written");
      return ExitCodes.BAD_INPUT;
    }
    Trace imported = trace;
    try {
      PartialFile.write(
          out,
          w -> {
            TraceCsv.write(imported, w);
            return null;
          });
    } catch (IOException e) {
      err.println("--out: cannot write " + out + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    PrintWriter o = spec.commandLine().getOut();
    Written w =
        new Written(
            out,
            trace.models(),
            trace.start(),
            trace.minute(trace.minutes() - 1),
            trace.minutes(),
            notes);
    if (output.json()) {
      Json.print(o, w);
      return ExitCodes.OK;
    }
    notes.forEach(n -> o.println("  " + n));
    o.printf(
        "wrote %d minutes (%s to %s) of %s to %s%n",
        w.minutes(), w.start(), w.end(), String.join(", ", w.models()), out);
    return ExitCodes.OK;
  }

  private ImportRecipe recipe() {
    Scaling scaling =
        scale.peak != null
            ? new Scaling.ToPeak(scale.peak, peakQuantile)
            : new Scaling.PerEvent(scale.tokensPerEvent, interval);
    return new ImportRecipe(
        file.toString(),
        model,
        columns,
        zone == null ? null : ZoneId.of(zone),
        scaling,
        maxGap,
        longGaps,
        duplicates,
        noise,
        noiseSeed.seed,
        days);
  }

  /** Refuses the first bad option, named (exit 2, nothing written). */
  private void check() {
    if (!MODEL.matcher(model).matches()) {
      throw new RefusedException(
          "--model", "'" + model + "' is not a model key (letters, digits, - and _)");
    }
    if (scale.peak != null && !(scale.peak > 0 && scale.peak < 1e9)) {
      throw new RefusedException(
          "--peak", "must be a number of tokens/s above 0 and below 1e9, got " + scale.peak);
    }
    if (!(peakQuantile > 0 && peakQuantile <= 1)) {
      throw new RefusedException(
          "--peak-quantile", "must be above 0 and at most 1, got " + peakQuantile);
    }
    if (scale.tokensPerEvent != null && !(scale.tokensPerEvent > 0 && scale.tokensPerEvent < 1e9)) {
      throw new RefusedException(
          "--tokens-per-event", "must be above 0 and below 1e9, got " + scale.tokensPerEvent);
    }
    OptionChecks.positive("--interval", interval);
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new RefusedException(
            "--zone", "'" + zone + "' is not an IANA time zone (e.g. UTC, America/Chicago)");
      }
    }
    if (columns != null && columns.size() != 2) {
      throw new RefusedException(
          "--columns", "name two columns, the timestamp's and the value's, e.g. time,value");
    }
    OptionChecks.positive("--max-gap", maxGap);
    OptionChecks.noiseScale(noise);
    if (days < 0 || days > TraceCsv.MAX_DAYS) {
      throw new RefusedException(
          "--days", "must be between 1 and " + TraceCsv.MAX_DAYS + ", got " + days);
    }
    OptionChecks.directoryExists("--out", out);
  }
}
