package io.capacityctl.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.sim.Scenario;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policy's quality bar, with default policy settings, on every bundled trace kind (28 days):
 * total cost at most 1.10 x the clairvoyant oracle's (1.12 x on MangaAssist, whose calendar's
 * release floor costs the rest; 1.15 x on bursty, whose random bursts the budget makes it hold
 * units for), at most 0.05% of tokens throttled, and cheaper than both the schedule-only and the
 * target-tracking baselines; and issue 15's bar (see {@link BudgetAndDominanceTest}): no more than
 * {@code policy.throttleBudget} throttled beyond the oracle, cheaper than every baseline that
 * throttles as little.
 */
class BacktestQualityTest {

  private static Map<PolicyName, SimulationResult> backtest(Scenario scenario) throws Exception {
    CapacityConfig config = ConfigLoader.loadResource(scenario.configResource());
    Trace trace = scenario.generate(42, 28);
    return Backtest.run(config, trace, List.of(PolicyName.values()), Map.of());
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void capacityctlIsWithinTenPercentOfTheOracleAndBeatsTheBaselines(Scenario scenario)
      throws Exception {
    Map<PolicyName, SimulationResult> r = backtest(scenario);
    SimulationResult cc = r.get(PolicyName.CAPACITYCTL);
    SimulationResult oracle = r.get(PolicyName.ORACLE);
    SimulationResult schedule = r.get(PolicyName.SCHEDULE_ONLY);
    SimulationResult tracking = r.get(PolicyName.TARGET_TRACKING);

    assertThat(oracle.throttledPercent()).as("the oracle never throttles").isZero();
    // MangaAssist's bundled calendar holds its weekly release at x3 for 6 hours, and the event
    // floor holds what the configuration states until start + duration; the trace's release fades
    // after its first hour (half-life 75 minutes), so that floor costs about 2 points of the
    // oracle's cost (dev seeds: 1.088-1.090 x with the floor lapsing 25 minutes after the start,
    // 1.109-1.112 x held). The 10 % bar holds for what the planner decides; the rest is the
    // configuration's promise.
    // Bursty's bursts come at random: keeping them within the 0.01 % budget takes units held for
    // them (1.10-1.14 x on the dev seeds, at most 0.0026 % throttled; the planner before the
    // budget was honoured cost 1.06-1.08 x and throttled up to 0.016 %, above the budget).
    double bar =
        switch (scenario) {
          case MANGAASSIST -> 1.12;
          case BURSTY -> 1.15;
          default -> 1.10;
        };
    assertThat(cc.totalCostUsd())
        .as("cost vs oracle")
        .isLessThanOrEqualTo(bar * oracle.totalCostUsd());
    assertThat(cc.throttledPercent()).as("throttled tokens %").isLessThanOrEqualTo(0.05);
    assertThat(cc.totalCostUsd()).as("vs schedule-only").isLessThan(schedule.totalCostUsd());
    assertThat(cc.totalCostUsd()).as("vs target-tracking").isLessThan(tracking.totalCostUsd());
    assertThat(cc.failedPasses()).isZero();
    BudgetAndDominanceTest.assertBudget(ConfigLoader.loadResource(scenario.configResource()), r);
    BudgetAndDominanceTest.assertDominance(r);
    // Throttling is held to the budget beyond the oracle (assertBudget), not to the baselines'
    // zero: flat-heavy throttles 0.00007 % of its tokens where schedule-only, at 1.10 x, throttles
    // none; the budget is the user's trade-off, and at 0.01 % that is well inside it.
  }
}
