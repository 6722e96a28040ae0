package io.capacityctl.cli;

import io.capacityctl.backtest.Backtest;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.backtest.report.HtmlReport;
import io.capacityctl.backtest.report.ReportTimelines;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.files.PartialFile;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.sim.Scenario;
import io.capacityctl.sim.TimelineSink;
import io.capacityctl.sim.TimelineWriter;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import io.capacityctl.traceimport.RealScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
  /** From a budget a user would call loose to none, a decade apart. */
  static final String DEFAULT_FRONTIER = "0.1%,0.01%,0.001%,0.0001%,0";

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
      description =
          "Days of synthetic trace (default ${DEFAULT-VALUE}); with --trace or a real-shaped"
              + " --scenario, replay only the first N days (the header says so).")
  int days;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table or json (default ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(
      names = "--policy",
      paramLabel = "NAME",
      description =
          "Run one policy: static-peak, schedule-only, target-tracking, capacityctl or oracle"
              + " (default: all five side by side; --timeline then describes capacityctl).")
  String policy;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      defaultValue = "mangaassist",
      description =
          "Trace when no --trace is given: a synthetic kind (mangaassist, us-business,"
              + " flat-heavy, bursty) or a real-shaped one (tweets-fb, tweets-two-models,"
              + " ec2-network, asg-cpu, grok-asg, occupancy: docs/traces.md; --seed seeds its"
              + " minute noise, whole trace unless --days) (default ${DEFAULT-VALUE}); without"
              + " --config its bundled configuration is used.")
  String scenario;

  @Option(
      names = "--frontier",
      arity = "0..1",
      split = ",",
      paramLabel = "BUDGETS",
      fallbackValue = DEFAULT_FRONTIER,
      description =
          "Also run capacityctl at each of these throttle budgets (policy.throttleBudget, the"
              + " share of tokens it may throttle, comma-separated) and print cost against"
              + " throttled tokens, marking the points that dominate a baseline. Without a value:"
              + " ${FALLBACK-VALUE}.")
  List<String> frontier = List.of();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write a self-contained HTML report here: the policy table and, per model, demand"
              + " against capacity for capacityctl and the --report-baseline (both are run).")
  Path report;

  @Mixin ReportBaselineOption reportBaseline;

  @Mixin FloorsOption floors;

  @Mixin HistoryOption history;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (days < 1 || days > 366) {
      err.println("--days: must be between 1 and 366, got " + days);
      return ExitCodes.USAGE;
    }
    List<Double> budgets = budgets("--frontier", frontier);
    List<Double> floorShares = floors.floors();
    PolicyName only = null;
    if (policy != null && (only = PolicyName.of(policy)) == null) {
      err.println("--policy: " + unknownPolicy(policy));
      return ExitCodes.USAGE;
    }
    PolicyName baseline = reportBaseline.policy();
    OptionChecks.directoryExists("--report", report);
    List<PolicyName> policies = only == null ? List.of(PolicyName.values()) : List.of(only);
    PolicyName detailed = only == null ? PolicyName.CAPACITYCTL : only;
    Scenario kind = Scenario.of(scenario);
    RealScenario real = kind == null ? RealScenario.of(scenario) : null;
    if (kind == null && real == null) {
      err.println(
          "--scenario: unknown scenario '"
              + scenario
              + "'; use one of "
              + Stream.concat(
                      Arrays.stream(Scenario.values()).map(Scenario::label),
                      Arrays.stream(RealScenario.values()).map(RealScenario::label))
                  .toList());
      return ExitCodes.USAGE;
    }
    // With a trace of its own length, --days cuts it only when given.
    boolean cut = spec.commandLine().getParseResult().hasMatchedOption("--days");
    CapacityConfig cfg;
    Trace t;
    try {
      cfg =
          config.location == null
              ? ConfigLoader.loadResource(
                  kind != null ? kind.configResource() : real.configResource())
              : config.load();
      if (trace != null) {
        t = TraceCsv.read(trace, cfg.modelKeys());
      } else if (real != null) {
        t = real.trace(seed, cut ? days : 0);
      } else {
        t = kind.generate(seed, days);
      }
      if (trace != null && cut && days * 1440 < t.minutes()) {
        t = t.firstDays(days);
      }
      if (trace == null && !cfg.models().keySet().containsAll(t.models())) {
        err.println(
            "--config: "
                + cfg.source()
                + " has models "
                + cfg.modelKeys()
                + " but the "
                + kind
                + " trace has "
                + t.models()
                + "; pass --trace FILE or a matching --scenario");
        return ExitCodes.USAGE;
      }
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    String traceName;
    if (trace != null) {
      traceName = trace + (cut ? String.format(" (first %d days)", t.minutes() / 1440) : "");
    } else if (real != null) {
      traceName =
          String.format("real-shaped %s (noise seed %d, %d days)", real, seed, t.minutes() / 1440);
    } else {
      traceName = String.format("synthetic %s (seed %d, %d days)", kind, seed, days);
    }
    t = history.apply(t, trace != null || real != null);
    traceName += HistoryOption.note(t);
    ReportTimelines charts = report == null ? null : new ReportTimelines(t, baseline);
    if (charts != null) {
      policies = charts.policiesToRun(policies);
    }
    Comparison results = compare(cfg, t, policies, budgets, floorShares, charts, detailed);
    if (charts != null) {
      new HtmlReport(cfg, traceName).write(report, results, charts);
    }
    new SimulationPrinter(out, output).print(cfg, traceName, t.historyMinutes(), results, detailed);
    if (timeline != null && output == OutputFormat.TABLE) {
      out.println("timeline (" + detailed + ") written to " + timeline);
    }
    if (charts != null && output == OutputFormat.TABLE) {
      out.println("report (capacityctl and " + baseline + ") written to " + report);
    }
    return ExitCodes.OK;
  }

  /**
   * Throttle budgets of a frontier, converted here rather than by picocli: with an optional value,
   * picocli would take a value it cannot convert for a stray argument and never name the option.
   *
   * @throws RefusedException naming {@code option} and the value (exit 2)
   */
  static List<Double> budgets(String option, List<String> values) {
    List<Double> budgets = new ArrayList<>();
    for (String b : values) {
      try {
        budgets.add(new ThrottleBudgetConverter().convert(b));
      } catch (TypeConversionException e) {
        throw new RefusedException(option, e.getMessage());
      }
    }
    return budgets;
  }

  /** Runs the policies; with --timeline, the detailed policy's minutes stream to that file. */
  private Comparison compare(
      CapacityConfig cfg,
      Trace t,
      List<PolicyName> policies,
      List<Double> budgets,
      List<Double> floorShares,
      ReportTimelines charts,
      PolicyName detailed)
      throws IOException {
    if (timeline == null) {
      return Backtest.compare(cfg, t, policies, budgets, floorShares, withCharts(charts, Map.of()));
    }
    return PartialFile.write(
        timeline,
        out -> {
          try (TimelineWriter w = new TimelineWriter(out)) {
            return Backtest.compare(
                cfg, t, policies, budgets, floorShares, withCharts(charts, Map.of(detailed, w)));
          }
        });
  }

  private static Map<PolicyName, TimelineSink> withCharts(
      ReportTimelines charts, Map<PolicyName, TimelineSink> sinks) {
    return charts == null ? sinks : charts.sinks(sinks);
  }

  /** The refusal of a policy name: the names there are. */
  static String unknownPolicy(String value) {
    return "unknown policy '"
        + value
        + "'; use one of "
        + Arrays.stream(PolicyName.values()).map(PolicyName::label).toList();
  }
}
