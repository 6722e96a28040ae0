package io.capacityctl.bench;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.sim.Scenario;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Simulator;
import io.capacityctl.sim.Trace;
import io.capacityctl.traceimport.ImportRecipe;
import io.capacityctl.traceimport.RealScenario;
import io.capacityctl.traceimport.TraceImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The corpus sweep, the team's measuring stick for the policy: every policy over the four synthetic
 * kinds x a seed set and every real-shaped scenario x the same seeds (its minute noise), on all
 * cores; per scenario the spread of cost / oracle and of throttled tokens per policy, worst case
 * first; JSON to compare a change against ({@code --compare before.json}). A benchmark, not a test:
 * nothing here asserts. How to run it and the seed sets: docs/benchmarks.md.
 */
public final class CorpusSweep {
  /** Seeds to develop on: five, so a sweep stays a few minutes long on two idle cores. */
  static final List<Long> DEV = range(1000, 1004);

  /** Seeds looked at only for final reports: never tune on them. */
  static final List<Long> HELD_OUT = range(5000, 5019);

  private CorpusSweep() {}

  /** One scenario of the corpus: a name, its bundled configuration, and its trace for a seed. */
  record Case(String name, String configResource, TraceSource source) {}

  interface TraceSource {
    Trace trace(long seed) throws Exception;
  }

  /**
   * One policy's outcome on one scenario and seed.
   *
   * @param withinQuotaPercent throttled tokens in the minutes whose demand the quota could serve,
   *     as a percentage of the demand: where the oracle throttles none ({@link
   *     io.capacityctl.sim.ModelTotals})
   */
  record Run(
      String scenario,
      long seed,
      String policy,
      double costUsd,
      double throttledPercent,
      double withinQuotaPercent) {}

  public static void main(String[] args) throws Exception {
    SweepOptions o;
    try {
      o = SweepOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SweepOptions.USAGE);
      System.exit(2);
      return;
    }
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    List<Run> runs = sweep(o);
    double seconds = (System.nanoTime() - t0) / 1e9;
    // CPU time is what compares across runs on a shared machine; wall time depends on the load.
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    SweepReport report = new SweepReport(o, runs, seconds, cpuSeconds);
    report.print(System.out);
    if (o.json() != null) {
      report.writeJson(o.json());
      System.out.println("JSON written to " + o.json());
    }
    if (o.compare() != null) {
      report.compare(SweepReport.readJson(o.compare()), System.out);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The corpus: the synthetic kinds (--days days) and the real-shaped scenarios. */
  static List<Case> corpus(SweepOptions o) {
    List<Case> all = new ArrayList<>();
    for (Scenario s : Scenario.values()) {
      all.add(new Case(s.label(), s.configResource(), seed -> s.generate(seed, o.days())));
    }
    for (RealScenario s : RealScenario.values()) {
      // Replayed as simulate replays a recorded trace: its first day is history, unless told.
      all.add(
          new Case(
              s.label(),
              s.configResource(),
              seed -> {
                Trace t = s.trace(seed, o.realDays());
                return o.recordedHistory() ? t.asRecorded() : t;
              }));
    }
    List<Case> chosen =
        new ArrayList<>(
            all.stream()
                .filter(c -> o.scenarios() == null || o.scenarios().contains(c.name()))
                .toList());
    // --series come on top of the chosen scenarios (--scenarios none: the series alone).
    for (Path file : o.series()) {
      chosen.add(seriesCase(file, o));
    }
    return chosen;
  }

  /**
   * A {@code timestamp,value} series outside the bundled corpus (UTC, at any interval), imported as
   * {@code trace import --model chat --peak 30000 --zone UTC} would, with the seed's minute noise,
   * scored with {@code bench/series-generic.yaml}: the check on traffic the policy was not shaped
   * on (docs/benchmarks.md, NAB tweet volumes). Named after the file, without {@code .csv}.
   */
  static Case seriesCase(Path file, SweepOptions o) {
    String name = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
    ImportRecipe recipe = ImportRecipe.toPeak(file.toString(), "chat", ZoneOffset.UTC, 30_000);
    return new Case(
        name,
        "bench/series-generic.yaml",
        seed -> {
          Trace t = TraceImporter.combine(List.of(TraceImporter.run(recipe.withSeed(seed))), name);
          t = o.realDays() > 0 ? t.firstDays(o.realDays()) : t;
          return o.recordedHistory() ? t.asRecorded() : t;
        });
  }

  static List<Run> sweep(SweepOptions o) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    List<Case> corpus = corpus(o);
    int total = corpus.size() * o.seeds().size() * o.policies().size();
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<CompletableFuture<Run>> futures = new ArrayList<>();
      for (Case c : corpus) {
        CapacityConfig config = ConfigLoader.loadResource(c.configResource());
        for (long seed : o.seeds()) {
          CompletableFuture<Trace> trace =
              CompletableFuture.supplyAsync(() -> unchecked(c.source(), seed), pool);
          // capacityctl's replay is the longest: queued first so it never runs alone at the end.
          for (PolicyName p : longestFirst(o.policies())) {
            futures.add(
                trace.thenApplyAsync(
                    t -> {
                      SimulationResult r =
                          Simulator.run(config, t, p.label(), cfg -> p.create(cfg, t), null);
                      progress(done.incrementAndGet(), total, t0);
                      return new Run(
                          c.name(),
                          seed,
                          p.label(),
                          r.totalCostUsd(),
                          r.throttledPercent(),
                          r.throttledWithinQuotaPercent());
                    },
                    pool));
          }
        }
      }
      List<Run> runs = new ArrayList<>();
      for (CompletableFuture<Run> f : futures) {
        runs.add(f.get());
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A line on stderr every tenth of the replays, so a long sweep shows it is moving. */
  private static void progress(int done, int total, long t0) {
    if (done % Math.max(1, total / 10) == 0 || done == total) {
      System.err.printf(
          Locale.ROOT, "%d/%d replays done, %.0f s%n", done, total, (System.nanoTime() - t0) / 1e9);
    }
  }

  private static List<PolicyName> longestFirst(List<PolicyName> policies) {
    List<PolicyName> order = new ArrayList<>(policies);
    if (order.remove(PolicyName.CAPACITYCTL)) {
      order.add(0, PolicyName.CAPACITYCTL);
    }
    return order;
  }

  private static Trace unchecked(TraceSource source, long seed) {
    try {
      return source.trace(seed);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot make the trace for seed " + seed + ": " + e.getMessage(), e);
    }
  }

  static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(s);
    }
    return out;
  }

  /** The options, parsed; {@link #USAGE} says what each means. */
  record SweepOptions(
      String seedSet,
      List<Long> seeds,
      int days,
      int realDays,
      List<String> scenarios,
      List<PolicyName> policies,
      int threads,
      Path json,
      Path compare,
      boolean recordedHistory,
      List<Path> series) {
    static final String USAGE =
        "CorpusSweep [--seeds dev|held-out|A-B|A,B,...] [--days 28] [--real-days 0 (whole)]"
            + " [--scenarios a,b | none] [--policies a,b (oracle always runs)] [--threads N]"
            + " [--json out.json] [--compare before.json]"
            + " [--history recorded (a real-shaped trace's first day is history, as simulate"
            + " replays it) | none (replayed from its first minute)]"
            + " [--series DIR (also every *.csv there: timestamp,value in UTC, imported at a p99 of"
            + " 30,000 tokens/s, scored with bench/series-generic.yaml)]";

    static SweepOptions parse(String[] args) {
      Map<String, String> v = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
        }
        v.put(args[i], args[++i]);
      }
      String seedSet = v.getOrDefault("--seeds", "dev");
      List<Long> seeds =
          switch (seedSet) {
            case "dev" -> DEV;
            case "held-out" -> HELD_OUT;
            default -> seedList(seedSet);
          };
      Map<PolicyName, Boolean> policies = new EnumMap<>(PolicyName.class);
      String wanted = v.getOrDefault("--policies", "all");
      for (PolicyName p : PolicyName.values()) {
        if (wanted.equals("all")
            || List.of(wanted.split(",")).contains(p.label())
            || p == PolicyName.ORACLE) {
          policies.put(p, true);
        }
      }
      for (String name : wanted.equals("all") ? new String[0] : wanted.split(",")) {
        if (PolicyName.of(name) == null) {
          throw new IllegalArgumentException("--policies: unknown policy '" + name + "'");
        }
      }
      List<String> scenarios =
          v.containsKey("--scenarios") ? List.of(v.get("--scenarios").split(",")) : null;
      if (scenarios != null) {
        for (String s : scenarios) {
          if (!s.equals("none") && Scenario.of(s) == null && RealScenario.of(s) == null) {
            throw new IllegalArgumentException("--scenarios: unknown scenario '" + s + "'");
          }
        }
      }
      return new SweepOptions(
          seedSet,
          seeds,
          Integer.parseInt(v.getOrDefault("--days", "28")),
          Integer.parseInt(v.getOrDefault("--real-days", "0")),
          scenarios,
          List.copyOf(policies.keySet()),
          Integer.parseInt(
              v.getOrDefault(
                  "--threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
          v.containsKey("--json") ? Path.of(v.get("--json")) : null,
          v.containsKey("--compare") ? Path.of(v.get("--compare")) : null,
          history(v.getOrDefault("--history", "recorded")),
          series(v.get("--series")));
    }

    private static boolean history(String value) {
      return switch (value) {
        case "recorded" -> true;
        case "none" -> false;
        default -> throw new IllegalArgumentException("--history: recorded or none, got " + value);
      };
    }

    private static List<Path> series(String dir) {
      if (dir == null) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        List<Path> csv =
            files
                .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                .sorted()
                .toList();
        if (csv.isEmpty()) {
          throw new IllegalArgumentException("--series: no .csv file in " + dir);
        }
        return csv;
      } catch (IOException e) {
        throw new IllegalArgumentException("--series: cannot list " + dir + ": " + e.getMessage());
      }
    }

    private static List<Long> seedList(String s) {
      try {
        if (s.matches("\\d+-\\d+")) {
          String[] ab = s.split("-");
          return range(Long.parseLong(ab[0]), Long.parseLong(ab[1]));
        }
        return java.util.Arrays.stream(s.split(",")).map(Long::parseLong).toList();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--seeds: dev, held-out, A-B or A,B,..., got '" + s + "'");
      }
    }
  }
}
