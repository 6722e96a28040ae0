package io.capacityctl.backtest;

import static io.capacityctl.backtest.PolicyName.CAPACITYCTL;
import static io.capacityctl.backtest.PolicyName.STATIC_PEAK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.sim.Trace;
import java.time.Duration;
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
  void eachFloorRunsCapacityctlAtTheConfiguredBudgetWithEveryModelsMinUnitsRaised() {
    List<String> floors = new CopyOnWriteArrayList<>();
    Backtest.PolicyFactory byFloor =
        (p, c, t) -> {
          floors.add(
              p.label()
                  + "@"
                  + c.policy().throttleBudget()
                  + " sonnet>="
                  + c.model("sonnet").minUnits()
                  + " haiku>="
                  + c.model("haiku").minUnits());
          return p.create(c, t);
        };

    Comparison c =
        Backtest.compare(
            config,
            trace,
            List.of(CAPACITYCTL),
            List.of(),
            List.of(0.9, 0.5, 0.0, 0.5),
            Map.of(),
            byFloor);

    // Quotas 60 and 20 units: half is 30 and 10, nine tenths 54 and 18.
    assertThat(floors)
        .containsExactlyInAnyOrder(
            "capacityctl@1.0E-4 sonnet>=0 haiku>=0",
            "capacityctl@1.0E-4 sonnet>=30 haiku>=10",
            "capacityctl@1.0E-4 sonnet>=54 haiku>=18");
    assertThat(c.frontier())
        .as("the configuration as written (its own run), then each floor once, smallest first")
        .extracting(FrontierPoint::label)
        .containsExactly("0.01 %", "floor 50 %", "floor 90 %");
    assertThat(c.frontier().get(0).result()).isSameAs(c.policies().get(CAPACITYCTL));
    assertThat(c.frontier())
        .extracting(FrontierPoint::configured)
        .containsExactly(true, false, false);
    assertThat(c.frontier()).extracting(FrontierPoint::throttleBudget).containsOnly(0.0001);
  }

  @Test
  void aFloorRoundsUpToWholeUnitsAndNeverLowersAModelsOwnMinimum() {
    CapacityConfig raised = config.withFloor(0.75);
    assertThat(raised.model("sonnet").minUnits()).isEqualTo(45);
    assertThat(raised.model("haiku").minUnits()).isEqualTo(15);
    // 0.07 x 100 is 7 in decimal but 7.000000000000001 in binary: still 7 units.
    ModelConfig hundred =
        new ModelConfig("m", "m-id", 1000, 1, 0.001, 0, 0, 100, Duration.ofMinutes(15));
    assertThat(CapacityConfig.minUnitsWithFloor(hundred, 0.07)).isEqualTo(7);
    assertThat(CapacityConfig.minUnitsWithFloor(hundred, 0.071)).isEqualTo(8);
    assertThat(config.withFloor(0.9).model("sonnet").minUnits()).isEqualTo(54);
    assertThat(config.withFloor(0.51).model("haiku").minUnits()).as("10.2 -> 11").isEqualTo(11);
    assertThat(config.withFloor(1).model("sonnet").minUnits()).isEqualTo(60);
    assertThat(config.withFloor(0)).usingRecursiveComparison().isEqualTo(config);
    CapacityConfig own = config.withFloor(0.5);
    assertThat(own.withFloor(0.25).model("sonnet").minUnits())
        .as("a model's own minUnits above the floor stays")
        .isEqualTo(30);
    assertThat(raised.model("sonnet").maxUnits()).isEqualTo(60);
    for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
      assertThatThrownBy(() -> config.withFloor(bad))
          .as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
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
