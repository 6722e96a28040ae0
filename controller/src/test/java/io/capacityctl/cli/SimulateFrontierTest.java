package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --frontier} and the headline, as a user runs them. */
class SimulateFrontierTest {
  private static final List<String> BASELINES =
      List.of("static-peak", "schedule-only", "target-tracking");

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run simulate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "simulate";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theTableHasARowPerBudgetLargestFirstAndTheConfiguredOneIsCapacityctlsRow() {
    Run r = simulate("--days", "1", "--frontier", "0,0.1%,0.0001");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    int header =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("budget ")).findFirst().orElseThrow());
    assertThat(lines.get(header - 1))
        .startsWith("frontier: capacityctl at each policy.throttleBudget");
    assertThat(lines.subList(header + 1, header + 4))
        .satisfiesExactly(
            l -> assertThat(l).startsWith("0.1 % "),
            l -> assertThat(l).startsWith("0.01 % (config) "),
            l -> assertThat(l).startsWith("0 % "));
    String capacityctlTotal = column(row(lines, "capacityctl "), 1);
    assertThat(column(lines.get(header + 2), 1)).isEqualTo(capacityctlTotal);
  }

  @Test
  void withoutAValueTheFrontierHasFiveBudgetsAndMarksExactlyTheBaselinesEachDominates()
      throws Exception {
    Run r = simulate("--days", "1", "--frontier", "--output", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode frontier = root.get("frontier");
    List<Double> budgets = new ArrayList<>();
    frontier.forEach(p -> budgets.add(p.get("throttleBudget").asDouble()));
    assertThat(budgets).containsExactly(0.001, 0.0001, 0.00001, 0.000001, 0.0);
    JsonNode policies = root.get("policies");
    for (JsonNode p : frontier) {
      List<String> expected = new ArrayList<>();
      for (String b : BASELINES) {
        if (dominates(p.get("total"), policies.get(b).get("total"))) {
          expected.add(b);
        }
      }
      List<String> marked = new ArrayList<>();
      p.get("dominates").forEach(d -> marked.add(d.asText()));
      assertThat(marked).as("budget %s", p.get("throttleBudget")).isEqualTo(expected);
      assertThat(p.get("configured").asBoolean())
          .isEqualTo(p.get("throttleBudget").asDouble() == 0.0001);
    }
  }

  @Test
  void theHeadlineOpensTheTableAndSaysWhatTheJsonSays() throws Exception {
    Run table = simulate("--days", "1");
    Run json = simulate("--days", "1", "--output", "json");

    assertThat(table.code()).as(table.err()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).startsWith("config mangaassist");
    assertThat(lines.get(2)).startsWith("against each policy, capacityctl ($");
    JsonNode root = new ObjectMapper().readTree(json.out());
    JsonNode headline = root.get("headline");
    assertThat(headline).hasSize(4);
    JsonNode policies = root.get("policies");
    double mine = policies.get("capacityctl").get("total").get("costUsd").asDouble();
    for (int i = 0; i < headline.size(); i++) {
      JsonNode h = headline.get(i);
      assertThat(lines.get(3 + i).strip()).startsWith(h.get("text").asText());
      double theirs =
          policies.get(h.get("against").asText()).get("total").get("costUsd").asDouble();
      assertThat(h.get("costDeltaUsd").asDouble())
          .isCloseTo(mine - theirs, org.assertj.core.api.Assertions.within(0.011));
      assertThat(h.get("text").asText())
          .startsWith(mine < theirs ? "-$" : "+$")
          .contains("against " + h.get("against").asText() + " at ");
    }
  }

  @Test
  void aBudgetOutsideZeroToFivePercentIsAUsageErrorAndNothingRuns() {
    for (String bad : List.of("7%", "0.06", "abc", "0.01%,x")) {
      Path report = dir.resolve("r.html");
      Run r = simulate("--days", "1", "--frontier", bad, "--report", report.toString());

      assertThat(r.code()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("--frontier").contains("is not a throttle budget");
      assertThat(r.out()).isEmpty();
      assertThat(report).doesNotExist();
    }
  }

  private static boolean dominates(JsonNode a, JsonNode b) {
    double ca = a.get("costUsd").asDouble();
    double cb = b.get("costUsd").asDouble();
    long ta = a.get("throttledTokens").asLong();
    long tb = b.get("throttledTokens").asLong();
    return ca <= cb && ta <= tb && (ca < cb || ta < tb);
  }

  private static String row(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }

  /** The n-th whitespace-separated field, after the budget's own words. */
  private static String column(String line, int n) {
    String[] f = line.replace(" %", "%").replace(" (config)", "(config)").trim().split("\\s+");
    return f[n];
  }
}
