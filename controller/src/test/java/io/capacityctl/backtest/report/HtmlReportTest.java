package io.capacityctl.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.backtest.Saving;
import io.capacityctl.sim.ModelTotals;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.TimelineRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Pattern ROW =
      Pattern.compile("<tr data-policy=\"([^\"]+)\"([^>]*)>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>");
  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

  private final SpikeRun run = SpikeRun.get();
  private final String page =
      new HtmlReport(run.config(), "spike trace").render(run.comparison(), run.timelines());

  @Test
  void pageLoadsNothingFromTheNetwork() {
    String code =
        page.replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?s)/\\*.*?\\*/", "")
            .replaceAll("(?m)^\\s*//.*$", "");
    assertThat(code)
        .doesNotContain("http://", "https://", "<link", "@import", "url(")
        .doesNotContainPattern("<script[^>]*\\ssrc")
        .doesNotContainPattern("<img[^>]*\\ssrc");
    // Style and script are inline.
    assertThat(page).contains("<style>\n", "<script>\n");
  }

  @Test
  void tableHasARowPerPolicyWithItsFigures() {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Map<String, String> attrs = new LinkedHashMap<>();
    Matcher m = ROW.matcher(table(page, "policies"));
    while (m.find()) {
      rows.put(m.group(1), cells(m.group(3)));
      attrs.put(m.group(1), m.group(2));
    }

    assertThat(rows.keySet())
        .containsExactly(
            "static-peak", "schedule-only", "target-tracking", "capacityctl", "oracle");
    SimulationResult oracle = run.results().get(PolicyName.ORACLE);
    for (Map.Entry<PolicyName, SimulationResult> e : run.results().entrySet()) {
      SimulationResult r = e.getValue();
      List<String> cells = rows.get(e.getKey().label());
      assertThat(cells).hasSize(9).first().isEqualTo(e.getKey().label());
      assertThat(dollars(cells.get(1))).isCloseTo(r.totalCostUsd(), within(0.005));
      assertThat(Double.parseDouble(cells.get(2)))
          .isCloseTo(r.totalCostUsd() / oracle.totalCostUsd(), within(0.0005));
      assertThat(dollars(cells.get(3))).isCloseTo(r.bedrockCostUsd(), within(0.005));
      assertThat(dollars(cells.get(4))).isCloseTo(r.ecsCostUsd(), within(0.005));
      assertThat(Double.parseDouble(cells.get(5))).isCloseTo(r.throttledPercent(), within(5e-5));
      assertThat(Double.parseDouble(cells.get(6))).isCloseTo(r.meanWasteRatio(), within(5e-4));
      assertThat(Integer.parseInt(cells.get(7))).isEqualTo(r.scalingActions());
      assertThat(Integer.parseInt(cells.get(8))).isEqualTo(r.ecsShortfallMinutes());
    }
    assertThat(attrs.get("capacityctl")).contains("marked");
    assertThat(attrs.get("schedule-only")).contains("marked");
    assertThat(attrs.get("oracle")).doesNotContain("marked");
  }

  @Test
  void theHeadlineComesFirstAndStatesTheSavingAgainstEachBaseline() {
    List<Saving> savings = run.comparison().savings();
    assertThat(savings)
        .extracting(Saving::against)
        .containsExactly(
            PolicyName.STATIC_PEAK,
            PolicyName.SCHEDULE_ONLY,
            PolicyName.TARGET_TRACKING,
            PolicyName.ORACLE);
    int headline = page.indexOf("<section id=\"headline\">");
    for (Saving s : savings) {
      String li = "<b>" + s.amount() + "</b>" + s.text().substring(s.amount().length());
      assertThat(page).contains(li);
      assertThat(page.indexOf(li)).isGreaterThan(headline);
    }
    SimulationResult cc = run.results().get(PolicyName.CAPACITYCTL);
    assertThat(page)
        .contains(
            "capacityctl costs <b>"
                + Figures.usd(cc.totalCostUsd())
                + "</b> with <b>"
                + Figures.throttledPercent(cc.throttledPercent())
                + " %</b> of tokens throttled");
    // The answer before the detail: headline, then the frontier, then the tables and charts.
    assertThat(headline).isLessThan(page.indexOf("<svg class=\"frontier\""));
    assertThat(page.indexOf("<svg class=\"frontier\""))
        .isLessThan(page.indexOf("<table class=\"policies\">"));
  }

  @Test
  void costPerModelAddsUpToTheTotalAndItsThrottledShareIsTheChartsFigure() throws Exception {
    List<String> models = run.config().modelKeys();
    JsonNode data = data(page);
    Matcher m = ROW.matcher(table(page, "policies per-model"));
    int rows = 0;
    while (m.find()) {
      PolicyName p = PolicyName.of(m.group(1));
      SimulationResult r = run.results().get(p);
      List<String> cells = cells(m.group(3));
      assertThat(cells).hasSize(1 + 2 * models.size() + 2);
      double sum = 0;
      for (int k = 0; k < models.size(); k++) {
        ModelTotals t = r.models().get(models.get(k));
        assertThat(cells.get(1 + 2 * k)).isEqualTo(Figures.usd(t.costUsd()));
        assertThat(cells.get(2 + 2 * k)).isEqualTo(Figures.throttledPercent(t.throttledPercent()));
        sum += dollars(cells.get(1 + 2 * k));
        if (run.timelines().charted().contains(p)) {
          JsonNode chartRun = data.get("models").get(k).get("runs").get(p.label());
          assertThat(chartRun.get("throttledPercent").asText())
              .as("chart and table, %s %s", models.get(k), p)
              .isEqualTo(cells.get(2 + 2 * k));
          assertThat(chartRun.get("throttledMinutes").asInt()).isEqualTo(t.throttledMinutes());
        }
      }
      sum += dollars(cells.get(cells.size() - 2));
      assertThat(sum).isCloseTo(dollars(cells.get(cells.size() - 1)), within(0.02));
      rows++;
    }
    assertThat(rows).isEqualTo(run.results().size());
    // Sonnet throttles in the spike and Haiku does not: one model's share is not all models'.
    SimulationResult schedule = run.results().get(PolicyName.SCHEDULE_ONLY);
    assertThat(schedule.models().get("sonnet").throttledPercent())
        .isGreaterThan(schedule.throttledPercent());
  }

  @Test
  void theFrontierTableHasABudgetPerRowAndMarksTheConfiguredOne() {
    Matcher m = ROW.matcher(table(page, "policies frontier"));
    List<List<String>> rows = new ArrayList<>();
    List<String> attrs = new ArrayList<>();
    while (m.find()) {
      rows.add(cells(m.group(3)));
      attrs.add(m.group(2));
    }

    assertThat(rows).extracting(r -> r.get(0)).containsExactly("0.1 %", "0.01 % (config)", "0 %");
    assertThat(attrs.get(1)).contains("marked");
    List<FrontierPoint> frontier = run.comparison().frontier();
    for (int i = 0; i < rows.size(); i++) {
      SimulationResult r = frontier.get(i).result();
      assertThat(rows.get(i).get(1)).isEqualTo(Figures.usd(r.totalCostUsd()));
      assertThat(rows.get(i).get(3)).isEqualTo(Figures.throttledPercent(r.throttledPercent()));
      assertThat(rows.get(i).get(4))
          .isEqualTo(Figures.throttledPercent(r.throttledWithinQuotaPercent()));
      assertThat(rows.get(i).get(5))
          .isEqualTo(Figures.throttledPercent(r.throttledInRecordsPercent()));
      assertThat(rows.get(i).get(6)).isEqualTo(Figures.tokens(r.throttledTokens()));
      assertThat(rows.get(i).get(7)).isEqualTo(run.comparison().dominatedText(r));
    }
    // Baselines, oracle and the three budgets (the configured one is capacityctl's row).
    assertThat(FrontierChartTest.drawn(page)).hasSize(3 + 1 + 3);
  }

  @Test
  void dataHoldsEachModelsDemandAndEachChartedPolicysUnits() throws Exception {
    JsonNode data = data(page);

    assertThat(data.get("minutes").asInt()).isEqualTo(SpikeRun.MINUTES);
    assertThat(data.get("start").asLong()).isEqualTo(run.trace().start().toEpochMilli());
    assertThat(names(data.get("policies"))).containsExactly("capacityctl", "schedule-only");
    assertThat(names(data.get("models"), "key"))
        .containsExactlyElementsOf(run.config().modelKeys());
    for (JsonNode model : data.get("models")) {
      String key = model.get("key").asText();
      assertThat(model.get("tpsPerUnit").asDouble())
          .isEqualTo(run.config().model(key).tokensPerSecondPerUnit());
      assertThat(model.get("onDemandTps").asDouble())
          .isEqualTo(run.config().model(key).onDemandTps());
      long[] demand = cumulative(model.get("demand"));
      for (PolicyName p : run.timelines().charted()) {
        TimelineRecorder.Series s = run.timelines().of(p).models().get(key);
        assertThat(demand)
            .containsExactly(
                IntStream.range(0, SpikeRun.MINUTES)
                    .mapToLong(i -> Math.round(s.demand()[i]))
                    .toArray());
        assertThat(expandUnits(model.get("runs").get(p.label()).get("units")))
            .containsExactly(s.inService());
      }
    }
  }

  @Test
  void throttledMarkersAreTheRecordersThrottledMinutes() throws Exception {
    JsonNode data = data(page);
    for (JsonNode model : data.get("models")) {
      String key = model.get("key").asText();
      for (PolicyName p : run.timelines().charted()) {
        TreeSet<Integer> marked = new TreeSet<>();
        for (JsonNode pair : model.get("runs").get(p.label()).get("throttled")) {
          marked.add(pair.get(0).asInt());
        }
        double[] throttled = run.timelines().of(p).models().get(key).throttled();
        TreeSet<Integer> recorded = new TreeSet<>();
        IntStream.range(0, throttled.length).filter(i -> throttled[i] > 0).forEach(recorded::add);

        assertThat(marked).as("%s %s", key, p).isEqualTo(recorded);
        assertThat(marked.size())
            .isEqualTo(run.results().get(p).models().get(key).throttledMinutes());
      }
    }
    // The spike must actually throttle Sonnet, or the comparison above proves nothing.
    JsonNode sonnet = data.get("models").get(0);
    assertThat(sonnet.get("key").asText()).isEqualTo("sonnet");
    assertThat(sonnet.get("runs").get("capacityctl").get("throttled")).isNotEmpty();
    assertThat(sonnet.get("runs").get("schedule-only").get("throttled").size())
        .isGreaterThan(sonnet.get("runs").get("capacityctl").get("throttled").size());
  }

  @Test
  void textFromTheConfigAndTraceCannotBreakOutOfThePage() throws Exception {
    String hostile =
        new HtmlReport(run.config(), "</script><script>alert(1)</script>")
            .render(run.comparison(), run.timelines());

    assertThat(hostile).doesNotContain("<script>alert(1)").contains("&lt;/script&gt;");
    assertThat(data(hostile).get("models")).hasSize(2);
  }

  @Test
  void writeLeavesOnlyTheReport(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");

    new HtmlReport(run.config(), "spike trace").write(file, run.comparison(), run.timelines());

    assertThat(Files.readString(file)).isEqualTo(page);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void missingChartedPolicyWritesNothing(@TempDir Path dir) {
    Path file = dir.resolve("report.html");
    Map<PolicyName, SimulationResult> withoutBaseline = new LinkedHashMap<>(run.results());
    withoutBaseline.remove(PolicyName.SCHEDULE_ONLY);

    assertThatThrownBy(
            () ->
                new HtmlReport(run.config(), "spike trace")
                    .write(file, Comparison.of(withoutBaseline), run.timelines()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schedule-only");
    assertThat(dir).isEmptyDirectory();
  }

  /** The rows of the table with exactly this class. */
  private static String table(String page, String cls) {
    String open = "<table class=\"" + cls + "\">";
    int from = page.indexOf(open);
    assertThat(from).as("table " + cls).isNotNegative();
    return page.substring(from, page.indexOf("</table>", from));
  }

  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    Matcher c = CELL.matcher(row);
    while (c.find()) {
      cells.add(c.group(1));
    }
    return cells;
  }

  static JsonNode data(String page) throws Exception {
    Matcher m = DATA.matcher(page);
    assertThat(m.find()).as("embedded report data").isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  private static long[] cumulative(JsonNode deltas) {
    long[] out = new long[deltas.size()];
    long v = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = v += deltas.get(i).asLong();
    }
    return out;
  }

  private static int[] expandUnits(JsonNode changes) {
    int[] out = new int[SpikeRun.MINUTES];
    for (int k = 0; k < changes.size(); k++) {
      int from = changes.get(k).get(0).asInt();
      int to = k + 1 < changes.size() ? changes.get(k + 1).get(0).asInt() : out.length;
      Arrays.fill(out, from, to, changes.get(k).get(1).asInt());
    }
    return out;
  }

  private static double dollars(String cell) {
    assertThat(cell).startsWith("$");
    return Double.parseDouble(cell.substring(1).replace(",", ""));
  }
}
