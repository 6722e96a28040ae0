package io.capacityctl.history;

import static io.capacityctl.history.Resolution.FIVE_MINUTES;
import static io.capacityctl.history.Resolution.ONE_HOUR;
import static io.capacityctl.history.Resolution.ONE_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.history.Retention.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The resolution each part of a window is read at: the finest CloudWatch still keeps for its age
 * (1-minute 15 days, 5-minute 63 days, hourly 455 days), a margin inside each limit, on whole
 * hours, so the parts join without a hole.
 */
class RetentionTest {
  static final Instant NOW = Instant.parse("2025-06-15T12:34:56Z");
  static final Instant END = Instant.parse("2025-06-15T12:33:00Z");

  /**
   * The oldest instant of each resolution at NOW: 15, 63, 455 days back plus an hour, rounded up.
   */
  static final Instant MINUTE_FROM = Instant.parse("2025-05-31T14:00:00Z");

  static final Instant FIVE_FROM = Instant.parse("2025-04-13T14:00:00Z");
  static final Instant HOUR_FROM = Instant.parse("2024-03-17T14:00:00Z");

  @Test
  void theBoundariesAreTheRetentionLimitsAnHourInsideOnWholeHours() {
    assertThat(Retention.start(ONE_MINUTE, NOW)).isEqualTo(MINUTE_FROM);
    assertThat(Retention.start(FIVE_MINUTES, NOW)).isEqualTo(FIVE_FROM);
    assertThat(Retention.start(ONE_HOUR, NOW)).isEqualTo(HOUR_FROM);
    assertThat(Duration.between(NOW.minus(Duration.ofDays(15)), MINUTE_FROM))
        .isBetween(Duration.ofHours(1), Duration.ofHours(2));
  }

  @Test
  void fourteenDaysAreOnePartAtOneMinute() {
    List<Segment> parts = Retention.plan(END.minus(Duration.ofDays(14)), END, NOW);

    assertThat(parts).containsExactly(new Segment(END.minus(Duration.ofDays(14)), END, ONE_MINUTE));
    assertThat(parts.get(0).minutes()).isEqualTo(14 * 1440);
  }

  @Test
  void aWindowStartingAtTheOneMinuteBoundaryIsAllOneMinute() {
    assertThat(Retention.plan(MINUTE_FROM, END, NOW))
        .containsExactly(new Segment(MINUTE_FROM, END, ONE_MINUTE));
  }

  @Test
  void fiveMinutesBeforeTheBoundaryIsOneFiveMinutePeriodThenOneMinute() {
    Instant from = MINUTE_FROM.minus(Duration.ofMinutes(5));

    assertThat(Retention.plan(from, END, NOW))
        .containsExactly(
            new Segment(from, MINUTE_FROM, FIVE_MINUTES),
            new Segment(MINUTE_FROM, END, ONE_MINUTE));
  }

  @Test
  void lessThanAWholeFiveMinutePeriodBeforeTheBoundaryStartsAtTheBoundary() {
    assertThat(Retention.plan(MINUTE_FROM.minus(Duration.ofMinutes(3)), END, NOW))
        .containsExactly(new Segment(MINUTE_FROM, END, ONE_MINUTE));
  }

  @Test
  void fifteenDaysBackAreFiveMinutesUntilTheBoundaryThenOneMinute() {
    Instant from = END.minus(Duration.ofDays(15)); // 12:33, rounded up to 12:35
    assertThat(Retention.plan(from, END, NOW))
        .containsExactly(
            new Segment(Instant.parse("2025-05-31T12:35:00Z"), MINUTE_FROM, FIVE_MINUTES),
            new Segment(MINUTE_FROM, END, ONE_MINUTE));
  }

  @Test
  void pastSixtyThreeDaysTheOldestPartIsHourly() {
    Instant from = Instant.parse("2025-03-01T00:00:00Z");

    assertThat(Retention.plan(from, END, NOW))
        .containsExactly(
            new Segment(from, FIVE_FROM, ONE_HOUR),
            new Segment(FIVE_FROM, MINUTE_FROM, FIVE_MINUTES),
            new Segment(MINUTE_FROM, END, ONE_MINUTE));
  }

  @Test
  void anOldWindowEndsOnItsOwnResolution() {
    Instant from = Instant.parse("2025-01-01T00:20:00Z");
    Instant to = Instant.parse("2025-02-01T07:45:00Z");

    assertThat(Retention.plan(from, to, NOW))
        .containsExactly(
            new Segment(
                Instant.parse("2025-01-01T01:00:00Z"),
                Instant.parse("2025-02-01T07:00:00Z"),
                ONE_HOUR));
  }

  @Test
  void theHourlyBoundaryIsTheOldestStartAndAMinuteBeforeItIsRefused() {
    Instant to = HOUR_FROM.plus(Duration.ofDays(30));
    assertThat(Retention.plan(HOUR_FROM, to, NOW))
        .containsExactly(new Segment(HOUR_FROM, to, ONE_HOUR));

    assertThatThrownBy(() -> Retention.plan(HOUR_FROM.minusSeconds(60), to, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("455 days")
        .hasMessageContaining("oldest start is " + HOUR_FROM);
  }

  @Test
  void absurdWindowsAreRefusedSayingWhy() {
    assertThatThrownBy(() -> Retention.plan(END.minus(Duration.ofDays(400)), END, NOW))
        .hasMessageContaining("at most 366");
    assertThatThrownBy(() -> Retention.plan(END.minus(Duration.ofDays(10_000)), END, NOW))
        .hasMessageContaining("455 days");
    assertThatThrownBy(() -> Retention.plan(END.minusSeconds(59 * 60), END, NOW))
        .hasMessageContaining("at least 60");
    assertThatThrownBy(() -> Retention.plan(END, END, NOW)).hasMessageContaining("empty");
    assertThatThrownBy(() -> Retention.plan(END, END.minusSeconds(3600), NOW))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Retention.plan(END, NOW.plusSeconds(7200), NOW))
        .hasMessageContaining("future");
  }

  /**
   * Any window: the parts join without a hole, each on whole periods, each inside what CloudWatch
   * keeps at its resolution, and none could have been read finer.
   */
  @Test
  void anyWindowIsCoveredAtTheFinestResolutionKept() {
    Random random = new Random(18);
    for (int n = 0; n < 2_000; n++) {
      Instant now = NOW.plusSeconds(random.nextInt(86_400 * 30));
      Instant to = now.minusSeconds(random.nextInt(86_400 * 200));
      Instant from = to.minusSeconds(3 * 3_600 + random.nextInt(86_400 * 250));
      if (from.isBefore(Retention.start(ONE_HOUR, now))) {
        continue;
      }
      List<Segment> parts = Retention.plan(from, to, now);
      assertThat(parts.get(0).from()).isBetween(from, from.plusSeconds(3600));
      assertThat(parts.get(parts.size() - 1).to()).isBetween(to.minusSeconds(3600), to);
      for (int i = 0; i < parts.size(); i++) {
        Segment s = parts.get(i);
        long p = s.resolution().periodSeconds();
        assertThat(s.from().getEpochSecond() % p).isZero();
        assertThat(s.to().getEpochSecond() % p).isZero();
        assertThat(s.from()).isAfterOrEqualTo(Retention.start(s.resolution(), now));
        if (s.resolution() != ONE_MINUTE) {
          Resolution finer = Resolution.values()[s.resolution().ordinal() - 1];
          assertThat(s.from()).isBefore(Retention.start(finer, now));
        }
        if (i > 0) {
          assertThat(s.from()).isEqualTo(parts.get(i - 1).to());
          assertThat(s.resolution().ordinal()).isLessThan(parts.get(i - 1).resolution().ordinal());
        }
      }
    }
  }
}
