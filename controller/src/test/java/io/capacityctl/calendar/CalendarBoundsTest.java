package io.capacityctl.calendar;

import static io.capacityctl.calendar.CalendarFixtures.config;
import static io.capacityctl.calendar.CalendarFixtures.oneOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.config.Limits;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 3: calendar lookups take bounded time whatever the calendar holds. The bound is
 * structural: building a chunk examines at most {@link CapacityCalendar#EXAMINED_PER_CHUNK}
 * occurrences and Quartz calls, because every event, from the file or the state table, is held to
 * the limits that make it so; the tests count, they never time.
 */
class CalendarBoundsTest {
  private static final String ALL_DAY = "- { from: \"00:00\", to: \"00:00\", units: { m: 4 } }";
  private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

  /** Looks the calendar up every ten minutes for {@code days} days from T0. */
  private static void lookUp(CapacityCalendar cal, int days) {
    for (int minute = 0; minute < days * 1440; minute += 10) {
      cal.expected("m", T0.plusSeconds(60L * minute));
    }
  }

  private static void assertWithinBound(CapacityCalendar cal) {
    assertThat(cal.chunksBuilt()).isPositive();
    assertThat(cal.occurrencesExamined())
        .isLessThanOrEqualTo(cal.chunksBuilt() * CapacityCalendar.EXAMINED_PER_CHUNK);
  }

  @Test
  void aCalendarAtItsLimitsExaminesAtMostTheBoundPerChunk() {
    StringBuilder events =
        new StringBuilder(
            "- { name: every-quarter, cron: \"0 0/15 * ? * *\", duration: 15m, multiplier: 1.1 }\n");
    for (int i = 1; i < Limits.MAX_EVENTS; i++) {
      events.append(
          "- { name: e%d, start: \"%s\", duration: 31d, multiplier: 2, leadTime: 7d }\n"
              .formatted(i, T0.plus(Duration.ofHours(17L * i)).atOffset(java.time.ZoneOffset.UTC)));
    }
    CapacityCalendar cal = CapacityCalendar.of(config("UTC", ALL_DAY, events.toString()));

    lookUp(cal, 400);

    assertWithinBound(cal);
    // The every-quarter event is in force at each quarter hour, a one-off over it at 2x.
    assertThat(cal.expected("m", T0.plusSeconds(60)).multiplier()).isEqualTo(2.0);
  }

  @Test
  void ninetySixDailyCronsStayWithinTheBound() {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < Limits.MAX_OCCURRENCES_PER_DAY; i++) {
      events.append(
          "- { name: c%d, cron: \"0 %d %d ? * *\", duration: 10m, multiplier: 1.5, leadTime: 7d }\n"
              .formatted(i, (i * 15) % 60, i / 4));
    }
    CapacityCalendar cal = CapacityCalendar.of(config("Europe/London", ALL_DAY, events.toString()));

    lookUp(cal, 200);

    assertWithinBound(cal);
  }

  @Test
  void aHandBuiltConfigWithTenThousandEventsIsRefusedByTheCalendar() {
    CapacityConfig small = config("UTC", ALL_DAY, "[]");
    List<EventSpec> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(oneOff("e" + i, "2027-02-01T00:00:00Z", Duration.ofHours(1), 2));
    }
    CapacityConfig handBuilt =
        new CapacityConfig(
            small.name(),
            small.timezone(),
            small.models(),
            null,
            small.schedule(),
            many,
            small.policy(),
            small.budget(),
            small.aws(),
            "hand-built");

    assertThatThrownBy(() -> CapacityCalendar.of(handBuilt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10000 events; at most 500");
  }

  @Test
  void tenThousandEventsInTheStateTableLeaveTheRestOutAndLookupsBounded() {
    CapacityCalendar cal = CapacityCalendar.of(config("UTC", ALL_DAY, "[]"));
    List<EventSpec> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(
          oneOff(
              "e" + i,
              OffsetDateTime.ofInstant(
                      T0.plus(Duration.ofMinutes(7L * i)), java.time.ZoneOffset.UTC)
                  .toString(),
              Duration.ofHours(1),
              2));
    }

    CapacityCalendar merged = cal.withExtraEvents(many);
    lookUp(merged, 60);

    assertThat(merged.refusedEvents()).hasSize(10_000 - Limits.MAX_EVENTS);
    assertThat(merged.refusedEvents().get(0))
        .isEqualTo(
            "event 'e500' from the state table is left out: 501 events; at most 500 in a calendar"
                + " (the file's and those added with events add): remove past ones");
    assertWithinBound(merged);
  }

  @Test
  void tooFrequentCronsInTheStateTableAreLeftOutWithTheReason() {
    CapacityCalendar cal = CapacityCalendar.of(config("UTC", ALL_DAY, "[]"));
    EventSpec everySecond = cron("every-second", "* * * ? * *", Duration.ofMinutes(1));
    EventSpec everyMinute = cron("every-minute", "0 * * ? * *", Duration.ofMinutes(1));
    EventSpec hourly = cron("hourly", "0 0 * ? * *", Duration.ofMinutes(10));

    CapacityCalendar merged = cal.withExtraEvents(List.of(everySecond, everyMinute, hourly));
    lookUp(merged, 40);

    assertThat(merged.refusedEvents())
        .satisfiesExactly(
            r -> assertThat(r).contains("'every-second'").contains("recurs every 1s"),
            r -> assertThat(r).contains("'every-minute'").contains("fires 1440 times a day"));
    assertThat(merged.expected("m", T0.plusSeconds(60)).multiplier()).isEqualTo(3.0);
    assertWithinBound(merged);
  }

  private static EventSpec cron(String name, String cron, Duration duration) {
    return new EventSpec(name, cron, null, duration, 3.0, Duration.ZERO, Set.of());
  }
}
