package io.capacityctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

/** A cron as its times of day and the days it fires, read from Quartz's own parse. */
class RecurrenceTest {

  @Test
  void timesOfDayComeFromTheTimeFields() {
    Recurrence r = Recurrence.of("0 0/15 9-11 ? * MON-FRI");
    assertThat(r.timesPerDay()).isEqualTo(12);
    assertThat(r.secondsOfDay()[0]).isEqualTo(9 * 3600);
    assertThat(r.secondsOfDay()[11]).isEqualTo(11 * 3600 + 45 * 60);
    // Quartz wraps a descending range: 50-10 is 50..59 and 0..10.
    assertThat(Recurrence.of("30 50-10 23 L * ?").timesPerDay()).isEqualTo(21);
  }

  @Test
  void firingMoreThanOnceAMinuteIsRefusedWithoutEnumeratingIt() {
    assertThatThrownBy(() -> Recurrence.of("* * * ? * *"))
        .hasMessageContaining(
            "'* * * ? * *' recurs every 1s; an event recurs at most once a minute");
    assertThatThrownBy(() -> Recurrence.of("0/20 0 0 ? * MON"))
        .hasMessageContaining("recurs every 20s");
  }

  @Test
  void firingMoreThanTheDailyLimitIsRefused() {
    assertThatThrownBy(() -> Recurrence.of("0 * * ? * *"))
        .hasMessageContaining(
            "fires 1440 times a day; the events of a calendar may fire at most 96");
    assertThat(Recurrence.of("0 0/15 * ? * *").timesPerDay()).isEqualTo(96);
  }

  @Test
  void badOrNeverFiringCronsAreRefused() {
    assertThatThrownBy(() -> Recurrence.of("every monday")).hasMessageContaining("bad cron");
    assertThatThrownBy(() -> Recurrence.of("0 0 0 30 2 ?")).hasMessageContaining("never fires");
  }

  @Test
  void theShortestGapCountsDaysOnlyWhenTheDurationReachesPastADay() {
    assertThat(Recurrence.of("0 0 0 ? * MON").gapShorterThan(Duration.ofDays(7))).isNull();
    assertThat(Recurrence.of("0 0 0 ? * MON").gapShorterThan(Duration.ofDays(8)))
        .isEqualTo(Duration.ofDays(7));
    assertThat(Recurrence.of("0 0 0 ? * MON,WED").gapShorterThan(Duration.ofDays(3)))
        .isEqualTo(Duration.ofDays(2));
    assertThat(Recurrence.of("0 0 9,17 * * ?").gapShorterThan(Duration.ofHours(9)))
        .isEqualTo(Duration.ofHours(8));
    assertThat(Recurrence.of("0 0 9,17 * * ?").gapShorterThan(Duration.ofHours(8))).isNull();
    // The last day of the month: February makes it 28 days (29 in a leap year).
    assertThat(Recurrence.of("0 0 0 L * ?").gapShorterThan(Duration.ofDays(29)))
        .isEqualTo(Duration.ofDays(28));
    // The 29th: only a leap year's February 29th brings two within 29 days.
    assertThat(Recurrence.of("0 0 0 29 * ?").gapShorterThan(Duration.ofDays(30)))
        .isEqualTo(Duration.ofDays(29));
    assertThat(Recurrence.of("0 0 0 1 1 ? 2030").gapShorterThan(Duration.ofDays(31))).isNull();
  }

  /**
   * The occurrences the calendar generates from times of day and firing days are exactly Quartz's
   * own, firing by firing.
   */
  @Property(tries = 200)
  void timesOfDayOnFiringDaysAreQuartzsFirings(@ForAll("crons") String cron) throws Exception {
    Recurrence r = Recurrence.of(cron);
    CronExpression q = new CronExpression(cron);
    q.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    LocalDate from = LocalDate.of(2027, 2, 20);
    LocalDate to = from.plusDays(20);

    List<LocalDateTime> quartz = new ArrayList<>();
    Date d = Date.from(from.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));
    while ((d = q.getNextValidTimeAfter(d)) != null) {
      LocalDateTime t = LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
      if (!t.toLocalDate().isBefore(to)) {
        break;
      }
      quartz.add(t);
    }
    List<LocalDateTime> ours = new ArrayList<>();
    Recurrence.Days days = r.days();
    for (LocalDate day = days.next(from);
        day != null && day.isBefore(to);
        day = days.next(day.plusDays(1))) {
      for (int s : r.secondsOfDay()) {
        ours.add(day.atStartOfDay().plusSeconds(s));
      }
    }
    assertThat(ours).isEqualTo(quartz);
  }

  @Provide
  Arbitrary<String> crons() {
    Arbitrary<String> second = Arbitraries.integers().between(0, 59).map(String::valueOf);
    Arbitrary<String> minute =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 59).map(String::valueOf),
            Arbitraries.of("0/15", "5,35", "10-12", "50-5"));
    Arbitrary<String> hour =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 23).map(String::valueOf),
            Arbitraries.of("9-11", "0,12", "22-1", "*/8"));
    Arbitrary<String> days =
        Arbitraries.of(
            "? * MON",
            "? * MON-FRI",
            "* * ?",
            "L * ?",
            "15W * ?",
            "1,15 * ?",
            "? * 6#3",
            "? * 2L",
            "29 2 ?",
            "1 JAN,JUL ?",
            "L-3 * ?",
            "? * SAT,SUN 2027");
    return Combinators.combine(second, minute, hour, days)
        .as((s, m, h, d) -> s + " " + m + " " + h + " " + d)
        .filter(
            c -> {
              try {
                return Recurrence.of(c) != null;
              } catch (IllegalArgumentException e) {
                return false;
              }
            });
  }
}
