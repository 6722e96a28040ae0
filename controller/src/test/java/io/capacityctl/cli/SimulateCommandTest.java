package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.backtest.Figures;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capacityctl simulate} end to end, as a user runs it. */
class SimulateCommandTest {
  private static final String TIMELINE_HEADER =
      "timestamp,model,demand_tps,target_units,in_service_units,capacity_tps,throttled_tps,"
          + "ecs_desired_tasks,ecs_running_tasks";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void simulatesThreeDaysPrintsPerModelResultsAndWritesTheTimeline() throws IOException {
    Path timeline = dir.resolve("timeline.csv");

    int code = run("simulate", "--days", "3", "--timeline", timeline.toString());

    assertThat(code).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(printed)
        .contains("units $", "on-demand $", "throttled %", "waste", "actions")
        .contains("shortfall minutes")
        .contains("timeline (capacityctl) written to " + timeline)
        .as("within its budget: nothing to change")
        .doesNotContain("  note:");
    // One row per policy, then capacityctl per model.
    assertThat(printed.lines())
        .anyMatch(l -> l.startsWith("static-peak "))
        .anyMatch(l -> l.startsWith("schedule-only "))
        .anyMatch(l -> l.startsWith("target-tracking "))
        .anyMatch(l -> l.startsWith("oracle "))
        .anyMatch(l -> l.startsWith("sonnet "))
        .anyMatch(l -> l.startsWith("haiku "))
        .anyMatch(l -> l.startsWith("ecs "))
        .anyMatch(l -> l.startsWith("total "));

    List<String> lines = Files.readAllLines(timeline);
    assertThat(lines.get(0)).isEqualTo(TIMELINE_HEADER);
    List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",", -1)).toList();
    assertThat(rows).hasSize(2 * 3 * 1440).allMatch(r -> r.length == 9);
    Instant first = Instant.parse(rows.get(0)[0]);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      double perUnit = i % 2 == 0 ? 1000 : 3000;
      boolean ok =
          Instant.parse(r[0]).equals(first.plus(Duration.ofMinutes(i / 2)))
              && r[1].equals(i % 2 == 0 ? "sonnet" : "haiku")
              && Integer.parseInt(r[3]) >= 0
              && Integer.parseInt(r[4]) >= 0
              && Double.parseDouble(r[5]) == Integer.parseInt(r[4]) * perUnit
              && Integer.parseInt(r[8]) <= Integer.parseInt(r[7]);
      if (!ok) {
        wrong.add(String.join(",", r));
      }
    }
    assertThat(wrong).as("rows out of order or inconsistent").isEmpty();
  }

  @Test
  void replaysAGivenTraceFile() throws IOException {
    Path trace = dir.resolve("flat.csv");
    writeFlatTrace(trace, 120);
    Path timeline = dir.resolve("timeline.csv");

    int code = run("simulate", "--trace", trace.toString(), "--timeline", timeline.toString());

    // A recorded trace shorter than four days: its first quarter is history, not replayed.
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("trace " + trace + "; the first 30 minutes are history")
        .contains(", 90 minutes");
    assertThat(Files.readAllLines(timeline)).hasSize(1 + 2 * 90);
    assertThat(Files.readAllLines(timeline).get(1)).startsWith("2027-01-06T00:30:00Z,sonnet,");
  }

  /** Two hours of sonnet at 6,000 tokens/s but for one minute at {@code peak}; haiku idle. */
  private Path sonnetAt6000With(String name, double peak) throws IOException {
    double[] sonnet = new double[120];
    Arrays.fill(sonnet, 6000);
    sonnet[100] = peak;
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put("sonnet", sonnet);
    demand.put("haiku", new double[120]);
    Path trace = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
      TraceCsv.write(new Trace(Instant.parse("2027-01-06T00:00:00Z"), 120, demand), w);
    }
    return trace;
  }

  @Test
  void demandPastTheQuotaIsSaidApartFromTheThrottlingTheBudgetBounds() throws IOException {
    // Sonnet's quota serves 65,000 tokens/s (60 units and 5,000 on demand); one minute asks a
    // million: every policy throttles it, none could have served it.
    Path trace = sonnetAt6000With("past-quota.csv", 1_000_000);

    assertThat(run("simulate", "--trace", trace.toString())).as(err.toString()).isZero();
    assertThat(out.toString().lines().filter(l -> l.startsWith("against each policy")))
        .singleElement()
        .asString()
        .contains(" % where the quota could serve them) costs:");
    // The million is past the quota, no record the budget is judged on: nothing to change.
    assertThat(out.toString()).doesNotContain("  note:");

    out.getBuffer().setLength(0);
    assertThat(run("simulate", "--trace", trace.toString(), "--output", "json")).isZero();
    JsonNode policies = new ObjectMapper().readTree(out.toString()).get("policies");
    for (String p : List.of("capacityctl", "oracle", "static-peak")) {
      JsonNode total = policies.get(p).get("total");
      assertThat(total.get("throttledPercent").asDouble()).as(p).isPositive();
      assertThat(total.get("throttledWithinQuotaPercent").asDouble())
          .as(p)
          .isLessThan(total.get("throttledPercent").asDouble());
      assertThat(policies.get(p).get("models").get("sonnet").has("throttledWithinQuotaPercent"))
          .isTrue();
    }
    assertThat(policies.get("oracle").get("total").get("throttledWithinQuotaPercent").asDouble())
        .isZero();
  }

  @Test
  void throttlingInAMinuteBusierThanAnyBeforeItIsNamed() throws IOException {
    // One minute ten times the level, within the quota (65,000 tokens/s): nothing before it was as
    // busy, so what capacityctl throttles there is a record no window of history held.
    Path trace = sonnetAt6000With("record.csv", 60_000);

    assertThat(run("simulate", "--trace", trace.toString(), "--output", "json")).isZero();
    JsonNode total =
        new ObjectMapper().readTree(out.toString()).get("policies").get("capacityctl").get("total");
    double within = total.get("throttledWithinQuotaPercent").asDouble();
    assertThat(within).isPositive();
    assertThat(total.get("throttledInRecordsPercent").asDouble()).isEqualTo(within);

    out.getBuffer().setLength(0);
    assertThat(run("simulate", "--trace", trace.toString())).as(err.toString()).isZero();
    assertThat(out.toString().lines().filter(l -> l.startsWith("against each policy")))
        .singleElement()
        .asString()
        .contains(
            ", "
                + Figures.throttledPercent(within)
                + " % in minutes busier than any in the week before them) costs:");
    // Over the 0.01 % budget and all of it in the record: what to change is said.
    assertThat(out.toString())
        .contains(
            "  note: " + Figures.throttledPercent(within) + " % is over policy.throttleBudget")
        .contains("a floor near the quota does (models.<model>.minUnits;");
  }

  @Test
  void floorsArePricedBesideTheConfigurationAndTheCheapestWithinTheBudgetIsNamed()
      throws IOException {
    // The record above: sonnet's quota is 60 units and 5,000 on demand. Half of it (30 units)
    // cannot serve the 60,000 minute; all of it can.
    Path trace = sonnetAt6000With("record-floors.csv", 60_000);

    assertThat(run("simulate", "--trace", trace.toString(), "--floors", "100%,0.5,50%,0"))
        .as(err.toString())
        .isZero();
    List<String> lines = out.toString().lines().toList();
    int header = lines.indexOf(row(lines, "budget "));
    assertThat(lines.get(header - 1)).contains("and each floor (minUnits at a share of maxUnits");
    assertThat(lines.subList(header + 1, header + 4))
        .as("the configuration as written, then each floor once, smallest first")
        .satisfiesExactly(
            l -> assertThat(l).startsWith("0.01 % (config) "),
            l -> assertThat(l).startsWith("floor 50 % "),
            l -> assertThat(l).startsWith("floor 100 % "));
    assertThat(lines.get(header + 4)).isEmpty();
    String[] full = figures(lines.get(header + 3));
    assertThat(full[3]).as("within quota at the full floor").isEqualTo("0.0000");
    assertThat(figures(lines.get(header + 2))[3]).isNotEqualTo("0.0000");
    assertThat(row(lines, "  note: "))
        .contains(
            "Here floor 100 % (sonnet 60, haiku 20 units) kept within it: " + full[0] + ", +");

    out.getBuffer().setLength(0);
    assertThat(run("simulate", "--trace", trace.toString(), "--floors", "50%")).isZero();
    assertThat(row(out.toString().lines().toList(), "  note: "))
        .endsWith("None of the floors run here kept within it.");

    out.getBuffer().setLength(0);
    assertThat(run("simulate", "--trace", trace.toString(), "--floors", "75%", "-o", "json"))
        .isZero();
    JsonNode frontier = new ObjectMapper().readTree(out.toString()).get("frontier");
    assertThat(frontier).hasSize(2);
    assertThat(frontier.get(0).has("floor")).isFalse();
    assertThat(frontier.get(0).get("configured").asBoolean()).isTrue();
    assertThat(frontier.get(1).get("floor").asDouble()).isEqualTo(0.75);
    assertThat(frontier.get(1).get("throttleBudget").asDouble()).isEqualTo(0.0001);
    assertThat(frontier.get(1).get("minUnits").get("sonnet").asInt()).isEqualTo(45);
    assertThat(frontier.get(1).get("minUnits").get("haiku").asInt()).isEqualTo(15);
  }

  @Test
  void aFloorThatIsNoShareOfTheQuotaIsRefusedNamingTheOptionBeforeAnythingRuns()
      throws IOException {
    Path trace = dir.resolve("flat.csv");
    writeFlatTrace(trace, 120);
    Path timeline = dir.resolve("timeline.csv");
    for (String bad : List.of("150%", "-0.1", "seventy", "NaN", "1.01")) {
      err.getBuffer().setLength(0);
      int code =
          run(
              "simulate",
              "--trace",
              trace.toString(),
              "--floors",
              "50%," + bad,
              "--timeline",
              timeline.toString());

      assertThat(code).as(bad).isEqualTo(2);
      assertThat(err.toString())
          .as(bad)
          .contains(
              "--floors: '" + bad + "' is not a floor: use a share of maxUnits from 0 to 100%");
      assertThat(timeline).as("nothing written for %s", bad).doesNotExist();
    }
  }

  /** A frontier row's figures after its label: total $, /oracle, throttled, within quota, ... */
  private static String[] figures(String row) {
    return row.substring(row.indexOf('$')).split("\\s+");
  }

  private static String row(List<String> lines, String start) {
    return lines.stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void historyZeroReplaysEveryMinuteAndAHistoryLeavingNothingIsRefused() throws IOException {
    Path trace = dir.resolve("flat.csv");
    writeFlatTrace(trace, 120);
    Path timeline = dir.resolve("timeline.csv");

    int code =
        run(
            "simulate",
            "--trace",
            trace.toString(),
            "--history",
            "0m",
            "--timeline",
            timeline.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("trace " + trace + ", 120 minutes");
    assertThat(Files.readAllLines(timeline)).hasSize(1 + 2 * 120);

    out.getBuffer().setLength(0);
    assertThat(run("simulate", "--trace", trace.toString(), "--output", "json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("historyMinutes").asInt()).isEqualTo(30);
    assertThat(json.get("policies").get("oracle").get("minutes").asInt()).isEqualTo(90);

    Path other = dir.resolve("other.csv");
    assertThat(
            run(
                "simulate",
                "--trace",
                trace.toString(),
                "--history",
                "2h",
                "--timeline",
                other.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--history: PT2H leaves nothing to replay of a trace of 120 minutes");
    assertThat(other).doesNotExist();
    assertThat(run("simulate", "--history", "9d")).isEqualTo(2);
    assertThat(err.toString()).contains("--history: must be between 0 and 8d, got PT216H");
  }

  @Test
  void aBadTraceExitsTwoNamesTheLineAndWritesNothing() throws IOException {
    Path trace = dir.resolve("bad.csv");
    Files.writeString(
        trace,
        "timestamp,model,tokens_per_second\n"
            + "2027-01-06T00:00:00Z,sonnet,100\n"
            + "2027-01-06T00:00:00Z,opus,50\n",
        StandardCharsets.UTF_8);
    Path timeline = dir.resolve("timeline.csv");

    int code = run("simulate", "--trace", trace.toString(), "--timeline", timeline.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(trace + ":3: model: unknown model 'opus'");
    assertThat(timeline).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(trace);
    }
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anInvalidConfigExitsTwoAndNamesTheFile() throws IOException {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "name: shop\ntimezone: Mars/Olympus\n", StandardCharsets.UTF_8);

    int code = run("simulate", "--config", config.toString(), "--days", "1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(config.toString());
  }

  @Test
  void anOutOfRangeDaysOptionIsAUsageError() {
    assertThat(run("simulate", "--days", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--days");
  }

  @Test
  void jsonOutputParsesAndCarriesTheTotals() throws IOException {
    int code = run("simulate", "--days", "1", "--output", "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode policies = new ObjectMapper().readTree(out.toString()).get("policies");
    assertThat(policies.fieldNames())
        .toIterable()
        .containsExactly(
            "static-peak", "schedule-only", "target-tracking", "capacityctl", "oracle");
    assertThat(policies.get("oracle").get("costVsOracle").asDouble()).isEqualTo(1.0);
    JsonNode root = policies.get("capacityctl");
    assertThat(root.get("costVsOracle").asDouble()).isGreaterThanOrEqualTo(1.0);
    assertThat(root.get("minutes").asInt()).isEqualTo(1440);
    // A synthetic kind is generated from the deployment on: nothing of it is history.
    assertThat(new ObjectMapper().readTree(out.toString()).get("historyMinutes").asInt()).isZero();
    assertThat(root.get("models").fieldNames()).toIterable().containsExactly("sonnet", "haiku");
    for (String model : List.of("sonnet", "haiku")) {
      JsonNode m = root.get("models").get(model);
      assertThat(m.get("unitCostUsd").isNumber()).isTrue();
      assertThat(m.get("throttledPercent").asDouble()).isBetween(0.0, 100.0);
      assertThat(m.get("meanWasteRatio").asDouble()).isBetween(0.0, 1.0);
      assertThat(m.get("scalingActions").asInt()).isPositive();
    }
    JsonNode total = root.get("total");
    double sum =
        root.get("models").get("sonnet").get("unitCostUsd").asDouble()
            + root.get("models").get("sonnet").get("onDemandCostUsd").asDouble()
            + root.get("models").get("haiku").get("unitCostUsd").asDouble()
            + root.get("models").get("haiku").get("onDemandCostUsd").asDouble()
            + root.get("ecs").get("costUsd").asDouble();
    assertThat(total.get("costUsd").asDouble()).isCloseTo(sum, within(0.05));
    assertThat(total.get("ecsShortfallMinutes").isInt()).isTrue();
  }

  /**
   * Sonnet at 6,000 and Haiku at 2,000 tokens/s from 2027-01-06 (also for other simulate tests).
   */
  static void writeFlatTrace(Path file, int minutes) throws IOException {
    double[] sonnet = new double[minutes];
    double[] haiku = new double[minutes];
    Arrays.fill(sonnet, 6000);
    Arrays.fill(haiku, 2000);
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put("sonnet", sonnet);
    demand.put("haiku", haiku);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      TraceCsv.write(new Trace(Instant.parse("2027-01-06T00:00:00Z"), minutes, demand), w);
    }
  }
}
