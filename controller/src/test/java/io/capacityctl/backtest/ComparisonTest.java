package io.capacityctl.backtest;

import static io.capacityctl.backtest.PolicyName.CAPACITYCTL;
import static io.capacityctl.backtest.PolicyName.ORACLE;
import static io.capacityctl.backtest.PolicyName.SCHEDULE_ONLY;
import static io.capacityctl.backtest.PolicyName.STATIC_PEAK;
import static io.capacityctl.backtest.PolicyName.TARGET_TRACKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.sim.Results;
import io.capacityctl.sim.SimulationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final double DEMAND = 1e9;

  @Test
  void dominatingNeedsNoMoreOfEitherAndLessOfOne() {
    assertThat(Comparison.dominates(10, 0, 11, 0)).as("cheaper, as throttled").isTrue();
    assertThat(Comparison.dominates(10, 5, 10, 6)).as("as dear, less throttled").isTrue();
    assertThat(Comparison.dominates(10, 5, 10, 5)).as("the same point").isFalse();
    assertThat(Comparison.dominates(9, 7, 10, 6)).as("cheaper but more throttled").isFalse();
    assertThat(Comparison.dominates(11, 0, 10, 6)).as("less throttled but dearer").isFalse();
  }

  @Test
  void aPointIsJudgedAgainstEachBaselineThatRanNeverTheOracle() {
    Comparison c =
        comparison(
            STATIC_PEAK, result(20_000, 900),
            SCHEDULE_ONLY, result(12_000, 100),
            TARGET_TRACKING, result(13_000, 0),
            ORACLE, result(9_000, 0));

    // Cheaper than all three, but throttles more than target-tracking's zero.
    SimulationResult loose = result(11_000, 50);
    assertThat(c.dominated(loose)).containsExactly(STATIC_PEAK, SCHEDULE_ONLY);
    assertThat(c.dominatedText(loose)).isEqualTo("static-peak, schedule-only");
    // No throttling at a cost between the baselines': it beats every one of them.
    SimulationResult tight = result(12_500, 0);
    assertThat(c.dominated(tight)).containsExactly(STATIC_PEAK, TARGET_TRACKING);
    assertThat(c.dominatedText(result(11_000, 0))).isEqualTo("every baseline");
    // Dearer than everything: the oracle, cheaper still, is no baseline to beat.
    assertThat(c.dominatedText(result(25_000, 0))).isEqualTo("none");
  }

  @Test
  void withoutBaselinesNothingIsDominatedAndThereIsNoHeadline() {
    Comparison c = comparison(CAPACITYCTL, result(10_000, 0), ORACLE, result(9_000, 0));

    assertThat(c.baselines()).isEmpty();
    assertThat(c.dominatedText(result(1, 0))).isEqualTo("-");
    assertThat(c.savings()).extracting(Saving::against).containsExactly(ORACLE);
    assertThat(comparison(STATIC_PEAK, result(1, 0)).savings()).isEmpty();
  }

  @Test
  void theHeadlineComparesCapacityctlWithEachBaselineThenTheOracle() {
    Comparison c =
        comparison(
            STATIC_PEAK, result(93_433.71, 0.008851 * DEMAND),
            SCHEDULE_ONLY, result(65_092.23, 0.001462 * DEMAND),
            CAPACITYCTL, result(50_966.89, 0),
            ORACLE, result(46_930.97, 0));

    List<Saving> savings = c.savings();

    assertThat(savings)
        .extracting(Saving::against)
        .containsExactly(STATIC_PEAK, SCHEDULE_ONLY, ORACLE);
    Saving vsSchedule = savings.get(1);
    assertThat(vsSchedule.deltaUsd())
        .isCloseTo(-14_125.34, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(vsSchedule.text())
        .isEqualTo("-$14,125.34 (-21.7 %) against schedule-only at 0.0000 % vs 0.1462 % throttled");
    assertThat(savings.get(2).text())
        .isEqualTo("+$4,035.92 (+8.6 %) against oracle at 0.0000 % vs 0.0000 % throttled");
  }

  private static SimulationResult result(double costUsd, double throttledTokens) {
    return Results.of("p", costUsd, throttledTokens, DEMAND);
  }

  private static Comparison comparison(Object... pairs) {
    Map<PolicyName, SimulationResult> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((PolicyName) pairs[i], (SimulationResult) pairs[i + 1]);
    }
    return Comparison.of(m);
  }
}
