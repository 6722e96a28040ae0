package io.capacityctl.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinutesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void countsWholeMinutesOnlyForward() {
    assertThat(Minutes.after(T0, T0)).isZero();
    assertThat(Minutes.after(T0, T0.plusSeconds(180))).isEqualTo(3);
    assertThat(Minutes.after(T0, T0.minusSeconds(60))).isEqualTo(-1);
    assertThat(Minutes.after(T0, T0.plusSeconds(90))).isEqualTo(-1);
    assertThat(Minutes.after(T0, T0.plusSeconds(60).plusMillis(500))).isEqualTo(-1);
  }
}
