package io.capacityctl.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A series that is a view of longer arrays reads only its own minutes, as a copy of them would. */
class MinuteSeriesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final double NAN = Double.NaN;

  private final double[] tokens = {60_000, 120_000, NAN, 60_000, 90_000, 30_000};
  private final double[] invocations = {60, 100, NAN, 50, 90, 30};
  private final double[] throttles = {0, 20, NAN, 0, 0, 0};

  @Test
  void aViewReadsItsMinutesAsACopyOfThemWould() {
    MinuteSeries view = MinuteSeries.view(T0, tokens, invocations, throttles, 1, 3);
    double[] t = {120_000, NAN, 60_000};
    MinuteSeries copy =
        new MinuteSeries(T0, t, new double[] {100, NAN, 50}, new double[] {20, NAN, 0});

    assertThat(view.size()).isEqualTo(3);
    assertThat(view.tokens()).containsExactly(120_000, NAN, 60_000);
    assertThat(view.throttles()).containsExactly(20, NAN, 0);
    for (int i = 0; i < 3; i++) {
      assertThat(Double.valueOf(view.demandTps(i))).isEqualTo(Double.valueOf(copy.demandTps(i)));
      assertThat(view.throttledTps(i)).isEqualTo(copy.throttledTps(i));
      assertThat(view.missing(i)).isEqualTo(copy.missing(i));
    }
    assertThat(view.demandTps(0)).isEqualTo(2400); // 100 served of 1,200 tokens, 20 throttled
    assertThat(view.sameMinutes(0, copy, 0, 3)).isTrue();
  }

  @Test
  void minutesOutsideTheViewAreNotItsOwn() {
    MinuteSeries view = MinuteSeries.view(T0, tokens, invocations, throttles, 1, 3);

    assertThatThrownBy(() -> view.tokens(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> view.demandTps(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> view.sameMinutes(1, view, 0, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> MinuteSeries.view(T0, tokens, invocations, throttles, 4, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void sameMinutesComparesAllThreeSeriesBitForBit() {
    MinuteSeries a = MinuteSeries.view(T0, tokens, invocations, throttles, 0, 6);
    double[] moreInvocations = invocations.clone();
    moreInvocations[1] = 101; // only invocations differ, in a throttled minute
    MinuteSeries b = MinuteSeries.view(T0, tokens, moreInvocations, throttles, 0, 6);

    assertThat(a.sameMinutes(2, b, 2, 4)).isTrue(); // a missing minute is the same as missing
    assertThat(a.sameMinutes(0, b, 0, 2)).isFalse();
    assertThat(a.sameMinutes(3, a, 0, 1)).isFalse(); // same tokens, 50 vs 60 invocations
  }

  @Test
  void viewsOfTheSameArraysAPassApartShareTheirOverlap() {
    // Two passes a minute apart read views of the same arrays: aligned, they are the same minutes;
    // misaligned by a minute they are compared as any two series.
    MinuteSeries before = MinuteSeries.view(T0, tokens, invocations, throttles, 0, 5);
    MinuteSeries after =
        MinuteSeries.view(T0.plusSeconds(60), tokens, invocations, throttles, 1, 5);

    assertThat(after.sameMinutes(0, before, 1, 4)).isTrue();
    assertThat(after.sameMinutes(0, before, 0, 4)).isFalse();
  }

  @Test
  void theThreeSeriesOfACopyAreOneLength() {
    assertThatThrownBy(() -> new MinuteSeries(T0, tokens, new double[2], throttles))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
  }
}
