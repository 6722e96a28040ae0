package io.capacityctl.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteSpansTest {
  private static final long M0 = MinuteSpans.epochMinute(Instant.parse("2025-03-03T09:00:00Z"));

  @Test
  void rangesThatOverlapOrTouchAreOneSpanEarliestFirst() {
    MinuteSpans s = spans(20, 25, 0, 5, 5, 8, 3, 6);

    assertThat(s.ranges()).containsExactly(range(0, 8), range(20, 25));
    assertThat(s.first()).isEqualTo(M0);
    assertThat(s.end()).isEqualTo(M0 + 25);
  }

  @Test
  void containsIsHalfOpen() {
    MinuteSpans s = spans(0, 5, 10, 12);

    assertThat(s.contains(M0)).isTrue();
    assertThat(s.contains(M0 + 4)).isTrue();
    assertThat(s.contains(M0 + 5)).isFalse();
    assertThat(s.contains(M0 + 9)).isFalse();
    assertThat(s.contains(M0 + 11)).isTrue();
    assertThat(s.contains(M0 + 12)).isFalse();
    assertThat(s.contains(M0 - 1)).isFalse();
    assertThat(MinuteSpans.NONE.contains(M0)).isFalse();
  }

  @Test
  void minusLeavesWhatTheOtherDoesNotHold() {
    MinuteSpans s = spans(0, 10, 20, 30);

    assertThat(s.minus(spans(2, 4, 8, 22, 25, 40)).ranges())
        .containsExactly(range(0, 2), range(4, 8), range(22, 25));
    assertThat(s.minus(spans(-5, 50))).isEqualTo(MinuteSpans.NONE);
    assertThat(s.minus(MinuteSpans.NONE)).isEqualTo(s);
  }

  @Test
  void unionAndClip() {
    MinuteSpans s = spans(0, 10).union(spans(10, 12, 20, 30));

    assertThat(s.ranges()).containsExactly(range(0, 12), range(20, 30));
    assertThat(s.clip(M0 + 5, M0 + 25).ranges()).containsExactly(range(5, 12), range(20, 25));
    assertThat(s.clip(M0 + 12, M0 + 20).isEmpty()).isTrue();
  }

  /** Spans of minutes after M0, as pairs from, to. */
  private static MinuteSpans spans(int... bounds) {
    TimeRange[] ranges = new TimeRange[bounds.length / 2];
    for (int i = 0; i < bounds.length; i += 2) {
      ranges[i / 2] = range(bounds[i], bounds[i + 1]);
    }
    return MinuteSpans.of(List.of(ranges));
  }

  private static TimeRange range(int from, int to) {
    return new TimeRange(
        Instant.ofEpochSecond((M0 + from) * 60), Instant.ofEpochSecond((M0 + to) * 60));
  }
}
