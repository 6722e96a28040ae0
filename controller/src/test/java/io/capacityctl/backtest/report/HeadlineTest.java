package io.capacityctl.backtest.report;

import static io.capacityctl.backtest.PolicyName.CAPACITYCTL;
import static io.capacityctl.backtest.PolicyName.SCHEDULE_ONLY;
import static io.capacityctl.backtest.PolicyName.TARGET_TRACKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.backtest.Comparison;
import io.capacityctl.backtest.FrontierPoint;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.Results;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.testing.TestConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadlineTest {
  private static final CapacityConfig CONFIG = TestConfig.mangaAssist();

  @Test
  void namesTheCheapestBudgetThatDominatesEveryBaselineAndTheTightestOnATie() {
    SimulationResult same = result(11_000, 0);
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.001, false, result(10_500, 4_000)),
                new FrontierPoint(0.0001, true, same),
                new FrontierPoint(0, false, same)));

    String html = Headline.html(c, CONFIG);

    // 0.1 % is cheaper but throttles more than target-tracking; 0.01 % and 0 % tie: 0 % it is.
    assertThat(html)
        .contains("Of the 3 throttle budgets tried, 2 dominate every baseline")
        .contains("the cheapest, <b>0 %</b>, costs $11,000.00 with 0.0000 % throttled");
  }

  @Test
  void saysSoWhenNoBudgetDominatesEveryBaseline() {
    Comparison c = comparison(List.of(new FrontierPoint(0.0001, true, result(12_500, 10))));

    assertThat(Headline.html(c, CONFIG))
        .contains("none beats every baseline on both cost and throttling");
  }

  @Test
  void saysHowMuchOfTheThrottlingFellInMinutesBusierThanTheWeekBefore() {
    // 1,000 of 1e9 tokens throttled (0.0001 %), 400 of them in records (0.00004 %).
    SimulationResult mine = Results.withRecords(11_000, 1_000, 400, 1e9);
    Comparison c = comparison(List.of(new FrontierPoint(0.0001, true, mine)));

    assertThat(Headline.html(c, CONFIG))
        .contains(
            "of tokens throttled, 0.00004 % in minutes busier than any in the week before them:");
    Comparison none = comparison(List.of(new FrontierPoint(0.0001, true, result(11_000, 1_000))));
    assertThat(Headline.html(none, CONFIG)).doesNotContain("busier than any");
  }

  @Test
  void floorsAreCountedApartFromBudgetsAndTheCheapestDominantOneIsNamedAsAFloor() {
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.0001, true, result(12_500, 10)),
                new FrontierPoint(0.0001, 0.75, false, result(11_500, 0)),
                new FrontierPoint(0.0001, 0.9, false, result(11_600, 0))));

    assertThat(Headline.html(c, CONFIG))
        .contains("Of the 1 throttle budget and 2 floors tried, 2 dominate every baseline")
        .contains("the cheapest, <b>floor 75 %</b>, costs $11,500.00");
  }

  @Test
  void aBudgetMissedMostlyInRecordsGetsTheNoteAndTheCheapestFloorThatMetIt() {
    // 0.01 % of 1e9 tokens is 100,000: 300,000 throttled, 200,000 of them in records.
    SimulationResult mine = Results.withRecords(11_000, 300_000, 200_000, 1e9);
    SimulationResult floored = Results.withRecords(11_900, 50_000, 50_000, 1e9);
    Comparison c =
        comparison(
            List.of(
                new FrontierPoint(0.0001, true, mine),
                new FrontierPoint(0.0001, 0.9, false, floored)));

    assertThat(Headline.html(c, CONFIG))
        .contains(
            "<p class=\"note budget\">0.0300 % is over policy.throttleBudget (0.01 %), and 0.0200 %"
                + " of it fell in minutes busier than any in the week before them")
        .contains(
            "Here floor 90 % (sonnet 54, haiku 18 units) kept within it: $11,900.00, +8.2 %.");
    Comparison within = comparison(List.of(new FrontierPoint(0.0001, true, floored)));
    assertThat(Headline.html(within, CONFIG)).doesNotContain("note budget");
  }

  @Test
  void withoutCapacityctlThereIsNoHeadline() {
    Map<PolicyName, SimulationResult> m = new LinkedHashMap<>();
    m.put(SCHEDULE_ONLY, result(12_000, 0));

    assertThat(Headline.html(Comparison.of(m), CONFIG)).isEmpty();
  }

  private static Comparison comparison(List<FrontierPoint> frontier) {
    Map<PolicyName, SimulationResult> m = new LinkedHashMap<>();
    m.put(SCHEDULE_ONLY, result(12_000, 1_000));
    m.put(TARGET_TRACKING, result(11_800, 0));
    m.put(
        CAPACITYCTL,
        frontier.stream().filter(FrontierPoint::configured).findFirst().orElseThrow().result());
    return new Comparison(m, frontier);
  }

  private static SimulationResult result(double costUsd, double throttledTokens) {
    return Results.of("p", costUsd, throttledTokens, 1e9);
  }
}
