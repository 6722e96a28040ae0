package io.capacityctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsHistoryModule;
import io.capacityctl.aws.cloudwatch.CloudWatchMetricsAdapter;
import io.capacityctl.backtest.Backtest;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.backtest.report.HtmlReport;
import io.capacityctl.backtest.report.ReportTimelines;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.files.PartialFile;
import io.capacityctl.history.HistoryException;
import io.capacityctl.history.HistoryTrace;
import io.capacityctl.history.ModelHistory;
import io.capacityctl.history.Retention;
import io.capacityctl.history.Retention.Segment;
import io.capacityctl.history.SourceNames;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.ports.CloudException;
import io.capacityctl.reconcile.Observer;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import io.capacityctl.traceimport.LongGaps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capacityctl backtest}: what the controller would have done on the account's own traffic,
 * read back from CloudWatch with read-only credentials, and what it would have saved.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Replay the account's own traffic from CloudWatch through every policy and the frontier, and"
          + " print what capacityctl would have saved (nothing deployed, nothing written to AWS).",
      "Reads the configuration's models' token metrics with its aws.metrics source, at the finest"
          + " resolution CloudWatch still keeps (1-minute for 15 days, 5-minute for 63, hourly for"
          + " 455), and says which; coarser data is interpolated to minutes with the minute-noise"
          + " model of trace import (docs/traces.md).",
      "Read-only. The credentials need cloudwatch:GetMetricData; with aws.metrics pt-arns also"
          + " bedrock:ListProvisionedModelThroughputs, bedrock:ListTagsForResource and"
          + " dynamodb:GetItem on the state table (optional: a missing table is skipped).",
      "Exit codes: 0 done; 1 an AWS error (naming the action), no data, or a gap not allowed;"
          + " 2 bad input or usage."
    })
final class BacktestCommand implements Callable<Integer> {
  /** What a machine without AWS can run instead: backtest has no simulated account to read. */
  static final String OFFLINE =
      " (backtest reads your account's CloudWatch with read-only credentials; with no account,"
          + " simulate --trace replays a trace of your own: docs/traces.md)";

  /** The window without --since or --from: two weeks, all of it still at 1-minute resolution. */
  static final Duration DEFAULT_SINCE = Duration.ofDays(14);

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description =
          "How far back the window starts, e.g. 14d, 36h or P14D (default 14d, ending at the newest"
              + " complete minute).")
  Duration since;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "Window start, an ISO instant such as 2025-03-01T00:00:00Z (not with --since).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "INSTANT",
      description = "Window end (default: the newest complete minute).")
  String to;

  @Option(
      names = "--write-trace",
      paramLabel = "FILE",
      description =
          "Also write the minutes replayed as a trace CSV, so that simulate --trace FILE replays"
              + " them again.")
  Path writeTrace;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write the self-contained HTML report here (headline, policy table, frontier, demand"
              + " against capacity per model).")
  Path report;

  @Mixin ReportBaselineOption reportBaseline;

  @Option(
      names = "--frontier",
      split = ",",
      paramLabel = "BUDGETS",
      defaultValue = SimulateCommand.DEFAULT_FRONTIER,
      description =
          "Throttle budgets capacityctl also runs at, comma-separated (default ${DEFAULT-VALUE});"
              + " none: no frontier.")
  List<String> frontier;

  @Option(
      names = "--max-gap",
      paramLabel = "DURATION",
      description =
          "Widest stretch without a usable datapoint to interpolate (default 1h, at least twice"
              + " the data's spacing).")
  Duration maxGap;

  @Option(
      names = "--long-gaps",
      defaultValue = "refuse",
      paramLabel = "HOW",
      description =
          "A wider gap: refuse (default), linear (interpolate across) or daily (repeat the day"
              + " before).")
  LongGaps longGaps;

  @Option(
      names = "--noise",
      defaultValue = "1",
      paramLabel = "SCALE",
      description =
          "Minute noise added to data coarser than a minute, as a multiple of the measured model"
              + " (default ${DEFAULT-VALUE}; 0: none).")
  double noise;

  @Mixin NoiseSeedOption noiseSeed;

  @Mixin FloorsOption floors;

  @Mixin HistoryOption history;

  @Option(
      names = "--datapoints-per-call",
      hidden = true,
      defaultValue = "" + CloudWatchMetricsAdapter.MAX_DATAPOINTS_PER_CALL,
      description =
          "The most datapoints one GetMetricData call asks for (default one page). Smaller calls"
              + " only help an emulator that scans every stored datapoint per period (moto).")
  int datapointsPerCall;

  @Mixin OutputOption output;

  private final Clock clock;

  BacktestCommand() {
    this(Clock.systemUTC());
  }

  BacktestCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException, ConfigException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Double> budgets = SimulateCommand.budgets("--frontier", frontierValues());
    List<Double> floorShares = floors.floors();
    PolicyName baseline = reportBaseline.policy();
    OptionChecks.directoryExists("--write-trace", writeTrace);
    OptionChecks.directoryExists("--report", report);
    OptionChecks.noiseScale(noise);
    if (datapointsPerCall < 1) {
      throw new RefusedException("--datapoints-per-call", "must be positive");
    }
    OptionChecks.positive("--max-gap", maxGap);
    Instant now = clock.instant();
    List<Segment> segments = window(now);
    history.check(
        Duration.between(
                segments.stream().map(Segment::from).min(Instant::compareTo).orElse(now),
                segments.stream().map(Segment::to).max(Instant::compareTo).orElse(now))
            .toMinutes());
    config.suggestOffline(OFFLINE);
    CapacityConfig cfg = config.load();
    BacktestComponent aws =
        DaggerBacktestComponent.factory()
            .create(
                new AwsClientsModule(config.aws.target(CliEnvironment.region(cfg), OFFLINE)),
                new AwsHistoryModule(cfg, now, datapointsPerCall));
    HistoryTrace.Built built;
    try {
      built =
          HistoryTrace.build(
              cfg,
              aws.history(),
              segments,
              model -> SourceNames.of(cfg, aws.ptArns(), model),
              new HistoryTrace.Options(maxGap, longGaps, noise, noiseSeed.seed, from != null));
    } catch (CloudException e) {
      err.println(AwsFailure.oneLine(e));
      return ExitCodes.PROBLEM;
    } catch (HistoryException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.PROBLEM;
    }
    // The file keeps every minute read (simulate --trace takes the same history from it); a
    // --history that leaves nothing is refused before it is written.
    Trace read = built.trace();
    Trace trace = history.apply(read, true);
    if (writeTrace != null) {
      write(read, writeTrace);
    }
    String traceName = traceName(read, CliEnvironment.region(cfg)) + HistoryOption.note(trace);
    ReportTimelines charts = report == null ? null : new ReportTimelines(trace, baseline);
    List<PolicyName> policies = List.of(PolicyName.values());
    if (charts != null) {
      policies = charts.policiesToRun(policies);
    }
    Comparison results =
        Backtest.compare(
            cfg,
            trace,
            policies,
            budgets,
            floorShares,
            charts == null ? Map.of() : charts.sinks(Map.of()));
    if (charts != null) {
      new HtmlReport(cfg, traceName).write(report, results, charts);
    }
    if (output.json()) {
      ObjectNode root = SimulationPrinter.json(cfg, traceName, trace.historyMinutes(), results);
      root.set("history", historyJson(built));
      out.println(root.toPrettyString());
      return ExitCodes.OK;
    }
    printHistory(out, built, CliEnvironment.region(cfg), noise, noiseSeed.seed);
    new SimulationPrinter(out, OutputFormat.TABLE)
        .print(cfg, traceName, trace.historyMinutes(), results, PolicyName.CAPACITYCTL);
    if (writeTrace != null) {
      out.println("trace written to " + writeTrace + " (replay it: simulate --trace)");
    }
    if (report != null) {
      out.println("report (capacityctl and " + baseline + ") written to " + report);
    }
    return ExitCodes.OK;
  }

  private List<String> frontierValues() {
    return frontier.size() == 1 && frontier.get(0).equalsIgnoreCase("none") ? List.of() : frontier;
  }

  /** The window's parts at their resolutions, or the option at fault refused. */
  private List<Segment> window(Instant now) {
    if (since != null && from != null) {
      throw new RefusedException("--since", "give --since or --from, not both");
    }
    Instant settled = Observer.newestCompleteMinute(now).plus(Duration.ofMinutes(1));
    Instant end = to == null ? settled : instant("--to", to);
    if (end.isAfter(settled) && !end.isAfter(now)) {
      end = settled; // the newest minutes may still be filling in (CloudWatch is eventually
      // consistent)
    }
    Instant start;
    String option;
    if (from != null) {
      start = instant("--from", from);
      option = "--from";
    } else {
      Duration back = since == null ? DEFAULT_SINCE : since;
      if (back.isNegative() || back.compareTo(Retention.SHORTEST) < 0) {
        throw new RefusedException(
            "--since", "must be at least " + Retention.SHORTEST.toHours() + "h, got " + back);
      }
      if (back.compareTo(Duration.ofDays(100_000)) > 0) {
        throw new RefusedException("--since", back.toDays() + " days is not a window");
      }
      start = end.minus(back);
      option = "--since";
    }
    try {
      return Retention.plan(start, end, now);
    } catch (IllegalArgumentException e) {
      String at = e.getMessage().contains("future") ? "--to" : option;
      throw new RefusedException(at, "the window " + e.getMessage());
    }
  }

  private static Instant instant(String option, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new RefusedException(
          option, "'" + value + "' is not an instant: use e.g. 2025-03-01T00:00:00Z");
    }
  }

  /** Written beside the target and moved into place: a failed run leaves no partial trace. */
  private static void write(Trace trace, Path file) throws IOException {
    PartialFile.write(
        file,
        out -> {
          TraceCsv.write(trace, out);
          return null;
        });
  }

  private static String traceName(Trace trace, String region) {
    return "CloudWatch "
        + (region == null ? "" : region + " ")
        + trace.start()
        + " to "
        + trace.minute(trace.minutes());
  }

  private static void printHistory(
      PrintWriter out, HistoryTrace.Built built, String region, double noise, long seed) {
    Trace t = built.trace();
    out.printf(
        "read from CloudWatch%s, %s to %s (%,d minutes), read-only%n",
        region == null ? "" : " " + region, t.start(), t.minute(t.minutes()), t.minutes());
    for (String note : built.notes()) {
      out.printf("  %s%n", note);
    }
    for (ModelHistory m : built.models()) {
      out.printf("  %s: %s%n", m.model(), m.source());
      for (String line : m.describe()) {
        out.printf("    %s%n", line);
      }
    }
    if (noise > 0 && built.models().stream().anyMatch(ModelHistory::noised)) {
      // The minutes inside a 5-minute or hourly period are the noise model's, not the account's:
      // what the policies pay for bursts depends on it, so the reader is told how to bound it.
      out.printf(
          "  minutes made from data coarser than a minute carry trace import's minute noise"
              + " (--noise %s, --seed %d); the figures depend on it: --noise 0 replays the"
              + " interpolation alone (docs/backtest.md)%n",
          noise, seed);
    }
    out.println();
  }

  private static ObjectNode historyJson(HistoryTrace.Built built) {
    ObjectNode h = Json.MAPPER.createObjectNode();
    Trace t = built.trace();
    h.put("from", t.start().toString());
    h.put("to", t.minute(t.minutes()).toString());
    h.put("minutes", t.minutes());
    ArrayNode notes = h.putArray("notes");
    built.notes().forEach(notes::add);
    ObjectNode models = h.putObject("models");
    for (ModelHistory m : built.models()) {
      ObjectNode node = models.putObject(m.model());
      node.put("source", m.source());
      ArrayNode parts = node.putArray("parts");
      for (ModelHistory.Part p : m.parts()) {
        ObjectNode part = parts.addObject();
        part.put("from", p.segment().from().toString());
        part.put("to", p.segment().to().toString());
        part.put("resolution", p.segment().resolution().label());
        part.put("periodSeconds", p.segment().resolution().periodSeconds());
        part.put("spacingSeconds", p.spacingSeconds());
        part.put("datapoints", p.datapoints());
        part.put("idlePeriods", p.idle());
        part.put("partialPeriods", p.partial());
        part.put("missingPeriods", p.missing());
        part.put("absurdPeriods", p.absurd());
        part.put("minuteNoise", p.noise());
      }
      if (m.noised()) {
        ObjectNode noise = node.putObject("minuteNoiseModel");
        noise.put("measuredOnOneMinuteData", m.ownNoise() != null);
        noise.put("cv", m.noiseModel().cv());
        noise.put("atTokensPerSecond", m.noiseModel().tps());
        noise.put("lag1", m.noiseModel().lag1());
        noise.put("lag2", m.noiseModel().lag2());
      }
      node.put("gapsInterpolated", m.gaps());
      node.put("longestGapSeconds", m.longestGapSeconds());
      ArrayNode longGaps = node.putArray("longGaps");
      m.longGaps().forEach(longGaps::add);
    }
    return h;
  }
}
