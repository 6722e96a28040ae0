package io.capacityctl.backtest;

import static io.capacityctl.backtest.PolicyName.CAPACITYCTL;
import static io.capacityctl.backtest.PolicyName.STATIC_PEAK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.sim.Trace;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The frontier's plumbing: which runs a backtest makes, and with which throttle budget. */
class BacktestFrontierTest {
  private final CapacityConfig config = load();
  private final Trace trace = flatHour(config);
  private final List<String> created = new CopyOnWriteArrayList<>();

  /** Records each policy built and the budget its configuration carried. */
  private final Backtest.PolicyFactory recording =
      (p, c, t) -> {
        created.add(p.label() + "@" + c.policy().throttleBudget());
        return p.create(c, t);
      };

  @Test
  void eachBudgetRunsCapacityctlOnceAndTheConfiguredOneIsTheCapacityctlRow() {
    assertThat(config.policy().throttleBudget()).isEqualTo(0.0001);

    Comparison c =
        Backtest.compare(
            config,
            trace,
            List.of(STATIC_PEAK, CAPACITYCTL),
            List.of(0.0, 0.001, 0.0001, 0.001),
            Map.of(),
            recording);

    assertThat(c.frontier())
        .extracting(FrontierPoint::throttleBudget)
        .as("largest budget first, each once")
        .containsExactly(0.001, 0.0001, 0.0);
    assertThat(c.frontier())
        .extracting(FrontierPoint::configured)
        .containsExactly(false, true, false);
    assertThat(c.frontier().get(1).result()).isSameAs(c.policies().get(CAPACITYCTL));
    assertThat(c.policies().keySet()).containsExactly(STATIC_PEAK, CAPACITYCTL);
    assertThat(created)
        .containsExactlyInAnyOrder(
            "static-peak@1.0E-4", "capacityctl@1.0E-4", "capacityctl@0.001", "capacityctl@0.0");
  }

  @Test
  void aFrontierWithoutTheCapacityctlRowRunsEveryBudgetItself() {
    Comparison c =
        Backtest.compare(
            config, trace, List.of(STATIC_PEAK), List.of(0.0001, 0.0), Map.of(), recording);

    assertThat(c.policies().keySet()).containsExactly(STATIC_PEAK);
    assertThat(c.frontier()).extracting(FrontierPoint::configured).containsExactly(true, false);
    assertThat(created)
        .containsExactlyInAnyOrder("static-peak@1.0E-4", "capacityctl@1.0E-4", "capacityctl@0.0");
  }

  @Test
  void aFailedFrontierRunFailsTheBacktest() {
    Backtest.PolicyFactory failing =
        (p, c, t) -> {
          if (c.policy().throttleBudget() == 0) {
            throw new IllegalStateException("planner broke at budget 0");
          }
          return p.create(c, t);
        };

    assertThatThrownBy(
            () ->
                Backtest.compare(
                    config, trace, List.of(CAPACITYCTL), List.of(0.001, 0.0), Map.of(), failing))
        .hasMessageContaining("budget 0");
  }

  @Test
  void withoutBudgetsTheFrontierIsEmpty() {
    Comparison c =
        Backtest.compare(config, trace, List.of(CAPACITYCTL), Collections.emptyList(), Map.of());

    assertThat(c.frontier()).isEmpty();
    assertThat(c.policies()).containsOnlyKeys(CAPACITYCTL);
  }

  private static CapacityConfig load() {
    try {
      return ConfigLoader.loadResource("schedules/mangaassist.yaml");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An hour of flat demand on a Wednesday afternoon. */
  private static Trace flatHour(CapacityConfig config) {
    double[] sonnet = new double[60];
    double[] haiku = new double[60];
    Arrays.fill(sonnet, 6000);
    Arrays.fill(haiku, 3000);
    return new Trace(
        ZonedDateTime.of(2026, 12, 2, 13, 0, 0, 0, config.timezone()).toInstant(),
        60,
        Map.of("sonnet", sonnet, "haiku", haiku));
  }
}
