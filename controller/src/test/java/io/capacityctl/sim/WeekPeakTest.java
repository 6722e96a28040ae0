package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A record is a minute busier than every minute of the week before it. */
class WeekPeakTest {
  @Test
  void aMinuteIsARecordOnlyWhenBusierThanTheWholeWeekBefore() {
    WeekPeak p = new WeekPeak();

    assertThat(p.record(100)).as("nothing came before the first minute").isTrue();
    assertThat(p.record(50)).isFalse();
    assertThat(p.record(100)).as("as busy as the peak is no record").isFalse();
    assertThat(p.record(100.5)).isTrue();
    assertThat(p.record(80)).isFalse();
  }

  @Test
  void aPeakOlderThanAWeekNoLongerCounts() {
    WeekPeak p = new WeekPeak();
    p.record(1000);
    for (int i = 1; i < WeekPeak.MINUTES; i++) {
      assertThat(p.record(10)).isFalse();
    }
    // The 1,000 was exactly a week ago: it has left; the week before holds only 10s.
    assertThat(p.record(500)).isTrue();
    assertThat(p.record(499)).isFalse();
  }

  @Test
  void aGapOrAnAbsurdValueIsNoRecordAndIsNotCounted() {
    WeekPeak p = new WeekPeak();
    p.record(100);

    assertThat(p.record(Double.NaN)).isFalse();
    assertThat(p.record(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(p.record(-5)).isFalse();
    assertThat(p.record(101)).as("the gaps raised no peak").isTrue();
  }
}
