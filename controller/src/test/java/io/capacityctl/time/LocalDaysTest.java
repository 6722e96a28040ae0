package io.capacityctl.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The same local time days back is what ZonedDateTime says, DST changes in between included. */
class LocalDaysTest {
  @Test
  void isZonedDateTimesMinusDaysEveryQuarterHourOfAYearInZonesWithAndWithoutDst() {
    Instant from = Instant.parse("2026-01-01T00:00:07.25Z");
    for (String id :
        new String[] {
          "UTC", "Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Lord_Howe"
        }) {
      ZoneId zone = ZoneId.of(id);
      for (Instant at = from;
          at.isBefore(from.plus(Duration.ofDays(366)));
          at = at.plus(Duration.ofMinutes(15))) {
        for (int days : new int[] {1, 7}) {
          assertThat(LocalDays.back(at, days, zone))
              .as("%s, %d days before %s", id, days, at)
              .isEqualTo(ZonedDateTime.ofInstant(at, zone).minusDays(days).toInstant());
        }
      }
    }
  }

  @Test
  void aDayBackOverASpringForwardIsTwentyThreeHours() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant at = Instant.parse("2026-03-08T17:00:00Z"); // 13:00 EDT, the day clocks went forward

    assertThat(LocalDays.back(at, 1, newYork)).isEqualTo(Instant.parse("2026-03-07T18:00:00Z"));
  }
}
