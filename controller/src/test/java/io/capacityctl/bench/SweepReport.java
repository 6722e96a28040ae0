package io.capacityctl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capacityctl.bench.CorpusSweep.Run;
import io.capacityctl.bench.CorpusSweep.SweepOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the corpus sweep found: per scenario and policy, cost / oracle and throttled share over the
 * seeds (worst, median, best), scenarios ordered by capacityctl's worst cost ratio; as a table, as
 * JSON, and against an earlier JSON.
 */
final class SweepReport {
  /** One policy on one scenario across the seeds. */
  record Spread(
      String scenario,
      String policy,
      double ratioWorst,
      double ratioMedian,
      double ratioBest,
      double throttledWorst,
      double throttledMedian,
      double excessThrottledWorst,
      double withinQuotaWorst,
      long worstSeed) {}

  private final SweepOptions options;
  private final List<Run> runs;
  private final double seconds;
  private final double cpuSeconds;
  private final List<Spread> spreads;

  SweepReport(SweepOptions options, List<Run> runs, double seconds, double cpuSeconds) {
    this.options = options;
    this.runs = runs;
    this.seconds = seconds;
    this.cpuSeconds = cpuSeconds;
    this.spreads = spreads(runs);
  }

  /** Spreads, the scenario whose capacityctl (else first policy) is worst first. */
  static List<Spread> spreads(List<Run> runs) {
    Map<String, Run> oracle = new LinkedHashMap<>();
    for (Run r : runs) {
      if (r.policy().equals("oracle")) {
        oracle.put(r.scenario() + "/" + r.seed(), r);
      }
    }
    Map<String, Map<String, List<Run>>> by = new LinkedHashMap<>();
    for (Run r : runs) {
      by.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.policy(), k -> new ArrayList<>())
          .add(r);
    }
    List<List<Spread>> scenarios = new ArrayList<>();
    by.forEach(
        (scenario, policies) -> {
          List<Spread> rows = new ArrayList<>();
          policies.forEach(
              (policy, rs) -> {
                List<double[]> ratios = new ArrayList<>(); // ratio, seed
                double excess = Double.NEGATIVE_INFINITY;
                double withinQuota = Double.NEGATIVE_INFINITY;
                for (Run r : rs) {
                  Run o = oracle.get(scenario + "/" + r.seed());
                  ratios.add(new double[] {r.costUsd() / o.costUsd(), r.seed()});
                  excess = Math.max(excess, r.throttledPercent() - o.throttledPercent());
                  withinQuota = Math.max(withinQuota, r.withinQuotaPercent());
                }
                ratios.sort(Comparator.comparingDouble(a -> a[0]));
                double[] throttled =
                    rs.stream().mapToDouble(Run::throttledPercent).sorted().toArray();
                rows.add(
                    new Spread(
                        scenario,
                        policy,
                        ratios.get(ratios.size() - 1)[0],
                        median(ratios.stream().mapToDouble(a -> a[0]).toArray()),
                        ratios.get(0)[0],
                        throttled[throttled.length - 1],
                        median(throttled),
                        excess,
                        withinQuota,
                        (long) ratios.get(ratios.size() - 1)[1]));
              });
          scenarios.add(rows);
        });
    scenarios.sort(Comparator.comparingDouble(SweepReport::headline).reversed());
    return scenarios.stream().flatMap(List::stream).toList();
  }

  private static double headline(List<Spread> rows) {
    return rows.stream()
        .filter(s -> s.policy().equals("capacityctl"))
        .findFirst()
        .orElse(rows.get(0))
        .ratioWorst();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "corpus sweep: %d scenarios x %d seeds (%s), %d policies, synthetic %d days, real-shaped %s;"
            + " %.0f s wall, %.0f s CPU on %d threads%n%n",
        spreads.stream().map(Spread::scenario).distinct().count(),
        options.seeds().size(),
        options.seedSet().matches("[a-z-]+")
            ? options.seedSet()
                + ": "
                + options.seeds().get(0)
                + "-"
                + options.seeds().get(options.seeds().size() - 1)
            : options.seedSet(),
        options.policies().size(),
        options.days(),
        options.realDays() == 0 ? "whole traces" : options.realDays() + " days",
        seconds,
        cpuSeconds,
        options.threads());
    out.printf(
        Locale.ROOT,
        "%-18s %-16s %31s   %25s %13s %11s%n",
        "scenario",
        "policy",
        "cost / oracle: worst median best",
        "throttled %: worst median",
        "over oracle",
        "within quota");
    String last = "";
    for (Spread s : spreads) {
      out.printf(
          Locale.ROOT,
          "%-18s %-16s %13.3f %7.3f %6.3f   %15.4f %9.4f %13.4f %11.4f   (worst cost: seed %d)%n",
          s.scenario().equals(last) ? "" : s.scenario(),
          s.policy(),
          s.ratioWorst(),
          s.ratioMedian(),
          s.ratioBest(),
          s.throttledWorst(),
          s.throttledMedian(),
          s.excessThrottledWorst(),
          s.withinQuotaWorst(),
          s.worstSeed());
      last = s.scenario();
    }
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("seedSet", options.seedSet());
    doc.put("seeds", options.seeds());
    doc.put("syntheticDays", options.days());
    doc.put("realDays", options.realDays());
    doc.put("seconds", seconds);
    doc.put("cpuSeconds", cpuSeconds);
    doc.put("summary", spreads);
    doc.put("runs", runs);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
  }

  static List<Spread> readJson(Path file) throws IOException {
    JsonNode doc = new ObjectMapper().readTree(file.toFile());
    List<Spread> out = new ArrayList<>();
    for (JsonNode s : doc.get("summary")) {
      out.add(
          new Spread(
              s.get("scenario").asText(),
              s.get("policy").asText(),
              s.get("ratioWorst").asDouble(),
              s.get("ratioMedian").asDouble(),
              s.get("ratioBest").asDouble(),
              s.get("throttledWorst").asDouble(),
              s.get("throttledMedian").asDouble(),
              s.get("excessThrottledWorst").asDouble(),
              // Not in sweeps written before it was measured.
              s.path("withinQuotaWorst").asDouble(Double.NaN),
              s.get("worstSeed").asLong()));
    }
    return out;
  }

  /**
   * Before against now, per scenario and policy present in both; worse worst cases (cost, throttled
   * share, throttled within the quota) marked.
   */
  void compare(List<Spread> before, PrintStream out) {
    Map<String, Spread> old = new LinkedHashMap<>();
    before.forEach(s -> old.put(s.scenario() + "/" + s.policy(), s));
    out.printf(
        Locale.ROOT,
        "%n%-18s %-16s %27s   %31s   %28s%n",
        "against before",
        "policy",
        "cost/oracle worst: before now",
        "throttled % worst: before now",
        "within quota worst: before now");
    String last = "";
    for (Spread s : spreads) {
      Spread b = old.get(s.scenario() + "/" + s.policy());
      if (b == null) {
        continue;
      }
      // The within-quota share is what the budget bounds: a change that grows it is worse too
      // (NaN in a sweep written before it was measured: compares as not worse).
      boolean worse =
          s.ratioWorst() > b.ratioWorst() + 1e-9
              || s.throttledWorst() > b.throttledWorst() + 1e-9
              || s.withinQuotaWorst() > b.withinQuotaWorst() + 1e-9;
      out.printf(
          Locale.ROOT,
          "%-18s %-16s %20.3f %6.3f   %22.4f %8.4f   %21.4f %8.4f%s%n",
          s.scenario().equals(last) ? "" : s.scenario(),
          s.policy(),
          b.ratioWorst(),
          s.ratioWorst(),
          b.throttledWorst(),
          s.throttledWorst(),
          b.withinQuotaWorst(),
          s.withinQuotaWorst(),
          worse ? "   worse" : "");
      last = s.scenario();
    }
  }
}
