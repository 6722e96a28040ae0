package io.capacityctl.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.sim.Results;
import io.capacityctl.sim.SimulationResult;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void aThrottledShareTooSmallForFourDecimalsStillShowsItIsNotZero() {
    assertThat(Figures.throttledPercent(0)).isEqualTo("0.0000");
    assertThat(Figures.throttledPercent(0.14623)).isEqualTo("0.1462");
    assertThat(Figures.throttledPercent(0.00005)).isEqualTo("0.0001");
    // 2 tokens in 10 million: 0.00002 %, which four decimals would print as 0.0000.
    assertThat(Figures.throttledPercent(0.00002)).isEqualTo("0.00002");
    assertThat(Figures.throttledPercent(2.149e-7)).isEqualTo("0.00000021");
  }

  @Test
  void costAgainstTheOracleReadsTheSameInTheTableAndTheReport() {
    SimulationResult oracle = Results.of("oracle", 800, 0, 1e9);

    assertThat(Figures.vsOracle(Results.of("capacityctl", 1000, 0, 1e9), oracle))
        .isEqualTo("1.250");
    assertThat(Figures.vsOracle(oracle, oracle)).isEqualTo("1.000");
    // --policy runs one policy: no oracle to compare with.
    assertThat(Figures.vsOracle(oracle, null)).isEqualTo("-");
  }

  @Test
  void budgetsReadAsUsersWriteThem() {
    assertThat(Figures.budget(0.001)).isEqualTo("0.1 %");
    assertThat(Figures.budget(0.0001)).isEqualTo("0.01 %");
    assertThat(Figures.budget(0.000001)).isEqualTo("0.0001 %");
    assertThat(Figures.budget(0)).isEqualTo("0 %");
    assertThat(Figures.budget(0.05)).isEqualTo("5 %");
  }

  @Test
  void differencesCarryTheirSign() {
    assertThat(Figures.signedUsd(-14_125.344)).isEqualTo("-$14,125.34");
    assertThat(Figures.signedUsd(0)).isEqualTo("+$0.00");
    assertThat(Figures.signedShare(-0.217)).isEqualTo("-21.7 %");
    assertThat(Figures.signedShare(0.086)).isEqualTo("+8.6 %");
    assertThat(Figures.tokens(1_234_567.6)).isEqualTo("1,234,568");
  }
}
