package io.capacityctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void factorIsObservedOverCounted() {
    // One day: CloudWatch summed 1,150,000 input tokens for prompts counted at 1,000,000.
    assertThat(Calibration.factorFrom(1_150_000, 1_000_000)).isEqualTo(1.15);
  }

  @Test
  void applyScalesAndRoundsToWholeTokens() {
    Calibration c = new Calibration(TokenEncoding.CL100K_BASE, 1.1);

    assertThat(c.apply(100)).isEqualTo(110); // 110.00000000000001 in floating point
    assertThat(c.apply(3)).isEqualTo(3); // 3.3
    assertThat(Calibration.UNCALIBRATED.apply(777)).isEqualTo(777);
  }

  @Test
  void nonPositiveFactorsAndEmptyWindowsAreRejected() {
    assertThatThrownBy(() -> new Calibration(TokenEncoding.O200K_BASE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Calibration(TokenEncoding.O200K_BASE, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Calibration.factorFrom(100, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
