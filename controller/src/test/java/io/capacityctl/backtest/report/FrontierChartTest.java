package io.capacityctl.backtest.report;

import static io.capacityctl.backtest.PolicyName.CAPACITYCTL;
import static io.capacityctl.backtest.PolicyName.ORACLE;
import static io.capacityctl.backtest.PolicyName.SCHEDULE_ONLY;
import static io.capacityctl.backtest.PolicyName.STATIC_PEAK;
import static io.capacityctl.backtest.PolicyName.TARGET_TRACKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.Results;
import io.capacityctl.sim.SimulationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FrontierChartTest {
  private static final Pattern POINT =
      Pattern.compile(
          "<g class=\"point ([a-z ]+)\" data-policy=\"([^\"]+)\" data-budget=\"([^\"]*)\""
              + " data-cost=\"([^\"]+)\" data-throttled-tokens=\"(\\d+)\""
              + " data-dominates=\"([^\"]*)\" data-x=\"([^\"]+)\" data-y=\"([^\"]+)\">");
  private static final Pattern LABEL =
      Pattern.compile("<text class=\"label [a-z]+\"[^>]*>([^<]+)<");
  private static final double DEMAND = 1e9;

  /** A marker as drawn. */
  record Drawn(
      String cls,
      String policy,
      String budget,
      double cost,
      long throttled,
      String dominates,
      double x,
      double y) {}

  @Test
  void cheaperIsLowerAndMoreThrottledIsFurtherRightWithZeroLeftOfEveryDecade() {
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.001, false, result(11_000, 2_000)),
                new FrontierPoint(0.0001, true, result(11_500, 150)),
                new FrontierPoint(0.000001, false, result(12_400, 3)),
                new FrontierPoint(0, false, result(13_100, 0))));

    List<Drawn> points = drawn(FrontierChart.svg(c));

    assertThat(points).hasSize(8);
    for (Drawn a : points) {
      assertThat(a.x()).isBetween(0.0, (double) FrontierChart.WIDTH);
      assertThat(a.y()).isBetween(0.0, (double) FrontierChart.HEIGHT);
      for (Drawn b : points) {
        if (a.cost() < b.cost()) {
          assertThat(a.y()).as("%s below %s", a, b).isGreaterThan(b.y());
        }
        if (a.throttled() < b.throttled()) {
          assertThat(a.x()).as("%s left of %s", a, b).isLessThan(b.x());
        }
      }
    }
  }

  @Test
  void floorsAreTheirOwnLineFromTheConfiguredPointAndNamedAsFloors() {
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.001, false, result(11_000, 2_000)),
                new FrontierPoint(0.0001, true, result(11_500, 150)),
                new FrontierPoint(0, false, result(13_100, 0)),
                new FrontierPoint(0.0001, 0.5, false, result(12_000, 40)),
                new FrontierPoint(0.0001, 0.9, false, result(14_000, 0))));

    String svg = FrontierChart.svg(c);

    Matcher floor = Pattern.compile("data-budget=\"0.0001\" data-floor=\"([0-9.]+)\"").matcher(svg);
    List<String> floors = new ArrayList<>();
    while (floor.find()) {
      floors.add(floor.group(1));
    }
    assertThat(floors).containsExactly("0.5", "0.9");
    assertThat(svg).contains("capacityctl at floor 50 %", "capacityctl at floor 90 %");
    Matcher line =
        Pattern.compile("<polyline class=\"([a-z ]+)\" points=\"([^\"]+)\"").matcher(svg);
    Map<String, Integer> vertices = new LinkedHashMap<>();
    while (line.find()) {
      vertices.put(line.group(1), line.group(2).split(" ").length);
    }
    assertThat(vertices)
        .as("three budgets on one line; the configured point and two floors on another")
        .containsExactly(Map.entry("curve", 3), Map.entry("curve floors", 3));
  }

  @Test
  void onlyPointsThatDominateEveryBaselineAreFilled() {
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.001, false, result(11_000, 2_000)),
                new FrontierPoint(0, true, result(12_500, 0))));

    List<Drawn> points = drawn(FrontierChart.svg(c));

    Drawn loose = find(points, "0.001");
    Drawn none = find(points, "0");
    // 2,000 throttled tokens: more than schedule-only's 1,000 and target-tracking's 0.
    assertThat(loose.cls()).isEqualTo("capacityctl");
    assertThat(loose.dominates()).isEqualTo("static-peak");
    assertThat(none.cls()).isEqualTo("capacityctl dominant");
    assertThat(none.dominates()).isEqualTo("static-peak schedule-only target-tracking");
    assertThat(points.stream().filter(p -> p.cls().startsWith("baseline"))).hasSize(3);
  }

  @Test
  void budgetsWithOneResultShareOneLabel() {
    SimulationResult same = result(11_000, 0);
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.001, false, same),
                new FrontierPoint(0.0001, true, same),
                new FrontierPoint(0, false, same)));

    String svg = FrontierChart.svg(c);

    assertThat(labels(svg)).contains("capacityctl at 0.1 % to 0 %").doesNotContain("0.01 %");
    assertThat(drawn(svg).stream().filter(p -> p.policy().equals("capacityctl"))).hasSize(3);
  }

  @Test
  void withoutAFrontierCapacityctlsRowIsThePointAndNothingThrottledStillDraws() {
    Map<PolicyName, SimulationResult> m = new LinkedHashMap<>();
    m.put(SCHEDULE_ONLY, result(12_000, 0));
    m.put(CAPACITYCTL, result(10_000, 0));

    List<Drawn> points = drawn(FrontierChart.svg(Comparison.of(m)));

    assertThat(points).extracting(Drawn::policy).containsExactly("schedule-only", "capacityctl");
    assertThat(points.get(0).x()).isEqualTo(points.get(1).x());
    assertThat(points.get(1).y()).isGreaterThan(points.get(0).y());
  }

  private static Comparison comparison(List<FrontierPoint> frontier) {
    Map<PolicyName, SimulationResult> m = new LinkedHashMap<>();
    m.put(STATIC_PEAK, result(20_000, 9_000));
    m.put(SCHEDULE_ONLY, result(14_000, 1_000));
    m.put(TARGET_TRACKING, result(13_500, 0));
    m.put(
        CAPACITYCTL,
        frontier.stream().filter(FrontierPoint::configured).findFirst().orElseThrow().result());
    m.put(ORACLE, result(10_000, 0));
    return new Comparison(m, frontier);
  }

  private static SimulationResult result(double costUsd, double throttledTokens) {
    return Results.of("p", costUsd, throttledTokens, DEMAND);
  }

  private static Drawn find(List<Drawn> points, String budget) {
    return points.stream().filter(p -> p.budget().equals(budget)).findFirst().orElseThrow();
  }

  static List<Drawn> drawn(String svg) {
    List<Drawn> out = new ArrayList<>();
    Matcher m = POINT.matcher(svg);
    while (m.find()) {
      out.add(
          new Drawn(
              m.group(1),
              m.group(2),
              m.group(3),
              Double.parseDouble(m.group(4)),
              Long.parseLong(m.group(5)),
              m.group(6),
              Double.parseDouble(m.group(7)),
              Double.parseDouble(m.group(8))));
    }
    return out;
  }

  private static List<String> labels(String svg) {
    List<String> out = new ArrayList<>();
    Matcher m = LABEL.matcher(svg);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
