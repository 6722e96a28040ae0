package io.capacityctl.calendar;

import static io.capacityctl.calendar.CalendarFixtures.config;
import static io.capacityctl.calendar.CalendarFixtures.oneOff;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.ConfigFixtures;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.EventSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events: lead time, overlaps, one-off and recurring, per model, extra events, DST. */
class CapacityCalendarEventTest {
  private CapacityCalendar cal;

  @BeforeEach
  void setUp() throws Exception {
    // weekly-release: Mondays 00:00 JST, 3x for 6 h, lead 4 h. final-chapter: 2027-01-11 00:00
    // JST, 5x sonnet only for 8 h, lead 4 h.
    cal = CapacityCalendar.of(ConfigLoader.parse(ConfigFixtures.VALID, "v.yaml"));
  }

  private static Instant at(String instant) {
    return OffsetDateTime.parse(instant).toInstant();
  }

  @Test
  void aRecurringEventIsInForceFromItsLeadTimeUntilItsEnd() {
    // Monday 2026-06-15 00:00 JST: in force from Sunday 20:00 until Monday 06:00.
    assertThat(cal.expected("sonnet", at("2026-06-14T19:59:59+09:00")).multiplier()).isEqualTo(1.0);
    Expectation lead = cal.expected("sonnet", at("2026-06-14T20:00:00+09:00"));
    assertThat(lead.multiplier()).isEqualTo(3.0);
    assertThat(lead.units()).isEqualTo(45.0);
    assertThat(lead.event().event().name()).isEqualTo("weekly-release");
    assertThat(lead.event().start()).isEqualTo(at("2026-06-15T00:00:00+09:00"));
    assertThat(lead.event().leadStart()).isEqualTo(at("2026-06-14T20:00:00+09:00"));
    assertThat(lead.event().end()).isEqualTo(at("2026-06-15T06:00:00+09:00"));

    assertThat(cal.expected("haiku", at("2026-06-15T05:59:59+09:00")).multiplier()).isEqualTo(3.0);
    assertThat(cal.expected("haiku", at("2026-06-15T05:59:59+09:00")).units())
        .as("3 x the 0 units of the 02-06 window")
        .isEqualTo(0.0);
    Expectation after = cal.expected("haiku", at("2026-06-15T06:00:00+09:00"));
    assertThat(after.multiplier()).isEqualTo(1.0);
    assertThat(after.event()).isNull();
    assertThat(after.units()).isEqualTo(3.0);
  }

  @Test
  void theLargestMultiplierWinsWhereEventsOverlap() {
    // 2027-01-11 is a Monday: the weekly release (3x) and the final chapter (5x sonnet) overlap.
    Expectation sonnet = cal.expected("sonnet", at("2027-01-11T01:00:00+09:00"));
    assertThat(sonnet.multiplier()).isEqualTo(5.0);
    assertThat(sonnet.event().event().name()).isEqualTo("final-chapter");
    assertThat(sonnet.units()).isEqualTo(75.0);

    assertThat(cal.expected("sonnet", at("2027-01-10T20:00:00+09:00")).multiplier())
        .as("both lead times start together")
        .isEqualTo(5.0);
    assertThat(cal.expected("sonnet", at("2027-01-11T06:30:00+09:00")).units())
        .as("the release ended at 06:00, the final chapter runs to 08:00")
        .isEqualTo(25.0);
    assertThat(cal.expected("sonnet", at("2027-01-11T08:00:00+09:00")).multiplier()).isEqualTo(1.0);
  }

  @Test
  void anEventRestrictedToOneModelLeavesTheOthers() {
    Expectation haiku = cal.expected("haiku", at("2027-01-11T01:00:00+09:00"));
    assertThat(haiku.multiplier()).isEqualTo(3.0);
    assertThat(haiku.event().event().name()).isEqualTo("weekly-release");
    assertThat(haiku.units()).isEqualTo(15.0);
    assertThat(cal.expected("haiku", at("2027-01-11T06:30:00+09:00")).multiplier()).isEqualTo(1.0);
  }

  @Test
  void extraEventsAreMergedAndTheOriginalIsUnchanged() {
    Instant evening = at("2026-06-10T18:30:00+09:00");
    CapacityCalendar withPromo =
        cal.withExtraEvents(
            List.of(
                oneOff("promo", "2026-06-10T18:00:00+09:00", Duration.ofHours(1), 10.0),
                oneOff("small", "2026-06-10T18:00:00+09:00", Duration.ofHours(2), 2.0)));

    assertThat(withPromo.expected("sonnet", evening).units()).isEqualTo(150.0);
    assertThat(withPromo.expected("haiku", evening).units()).isEqualTo(50.0);
    assertThat(withPromo.expected("haiku", evening.plus(Duration.ofHours(1))).multiplier())
        .as("the smaller event is in force alone after the promo")
        .isEqualTo(2.0);
    assertThat(cal.expected("sonnet", evening).units()).isEqualTo(15.0);
  }

  @Test
  void theSameExtraEventsGiveBackTheSameCalendar() {
    List<EventSpec> promo =
        List.of(oneOff("promo", "2026-06-10T18:00:00+09:00", Duration.ofHours(1), 10.0));
    CapacityCalendar first = cal.withExtraEvents(promo);

    assertThat(cal.withExtraEvents(List.copyOf(promo))).isSameAs(first);
    assertThat(cal.withExtraEvents(List.of())).isSameAs(cal);
    CapacityCalendar other =
        cal.withExtraEvents(
            List.of(oneOff("promo", "2026-06-10T18:00:00+09:00", Duration.ofHours(1), 4.0)));
    assertThat(other).isNotSameAs(first);
    assertThat(other.expected("sonnet", at("2026-06-10T18:30:00+09:00")).units()).isEqualTo(60.0);
  }

  @Test
  void aMultiplierAppliesToExpectedTpsWindows() {
    CapacityCalendar withPromo =
        cal.withExtraEvents(
            List.of(oneOff("lunch", "2026-06-10T13:00:00+09:00", Duration.ofHours(1), 2.0)));
    Expectation e = withPromo.expected("sonnet", at("2026-06-10T13:30:00+09:00"));
    assertThat(e.tps()).isEqualTo(16_000.0);
    assertThat(e.units()).isNaN();
    assertThat(e.multiplier()).isEqualTo(2.0);
  }

  @Test
  void extraRecurringEventsAreEvaluatedToo() {
    EventSpec everyEvening =
        new EventSpec(
            "evening",
            "0 0 19 * * ?",
            null,
            Duration.ofHours(1),
            1.5,
            Duration.ZERO,
            Set.of("haiku"));
    CapacityCalendar withEvening = cal.withExtraEvents(List.of(everyEvening));
    assertThat(withEvening.expected("haiku", at("2026-06-10T19:10:00+09:00")).units())
        .isEqualTo(7.5);
    assertThat(withEvening.expected("sonnet", at("2026-06-10T19:10:00+09:00")).units())
        .isEqualTo(15.0);
  }

  @Test
  void malformedExtraEventsAreLeftOutWithTheReason() {
    EventSpec neither =
        new EventSpec("x", null, null, Duration.ofHours(1), 2, Duration.ZERO, Set.of());
    EventSpec badCron =
        new EventSpec("y", "every monday", null, Duration.ofHours(1), 2, Duration.ZERO, Set.of());
    EventSpec good =
        new EventSpec(
            "z",
            null,
            OffsetDateTime.parse("2026-06-02T10:00:00+09:00"),
            Duration.ofHours(1),
            2,
            Duration.ZERO,
            Set.of());

    CapacityCalendar merged = cal.withExtraEvents(List.of(neither, badCron, good));

    assertThat(merged.refusedEvents())
        .satisfiesExactly(
            r -> assertThat(r).contains("'x'").contains("exactly one of cron"),
            r -> assertThat(r).contains("'y'").contains("bad cron expression 'every monday'"));
    assertThat(merged.expected("sonnet", at("2026-06-02T10:30:00+09:00")).multiplier())
        .isEqualTo(2.0);
  }

  @Test
  void occurrencesAreThoseInForceInTheRangeSortedByStart() {
    List<EventOccurrence> june =
        cal.occurrences("sonnet", at("2026-06-01T00:00:00+09:00"), at("2026-06-28T20:00:00+09:00"));
    // The release of Monday 2026-06-29 is in force from Sunday 20:00, the (exclusive) range end.
    assertThat(june)
        .extracting(EventOccurrence::start)
        .containsExactly(
            at("2026-06-01T00:00:00+09:00"),
            at("2026-06-08T00:00:00+09:00"),
            at("2026-06-15T00:00:00+09:00"),
            at("2026-06-22T00:00:00+09:00"));

    assertThat(
            cal.occurrences(
                "sonnet", at("2027-01-10T00:00:00+09:00"), at("2027-01-12T00:00:00+09:00")))
        .extracting(o -> o.event().name())
        .containsExactly("final-chapter", "weekly-release");
    assertThat(
            cal.occurrences(
                "haiku", at("2027-01-10T00:00:00+09:00"), at("2027-01-12T00:00:00+09:00")))
        .extracting(o -> o.event().name())
        .containsExactly("weekly-release");
  }

  @Test
  void occurrencesIncludeThoseWhoseLeadTimeOverlapsTheRange() {
    Instant leadStart = at("2026-06-14T20:00:00+09:00");
    Instant end = at("2026-06-15T06:00:00+09:00");
    assertThat(cal.occurrences("haiku", leadStart.minusSeconds(3600), leadStart)).isEmpty();
    assertThat(cal.occurrences("haiku", leadStart.minusSeconds(3600), leadStart.plusSeconds(1)))
        .hasSize(1);
    assertThat(cal.occurrences("haiku", end.minusSeconds(1), end.plusSeconds(3600))).hasSize(1);
    assertThat(cal.occurrences("haiku", end, end.plusSeconds(3600))).isEmpty();
    assertThat(cal.occurrences("haiku", end, end)).isEmpty();
  }

  @Test
  void anOccurrenceSpanningTwoCachedChunksIsSeenFromBoth() {
    long chunkSeconds = CapacityCalendar.CHUNK_DAYS * 86_400L;
    Instant boundary =
        Instant.ofEpochSecond(
            (at("2026-01-01T00:00:00Z").getEpochSecond() / chunkSeconds + 1) * chunkSeconds);
    CapacityCalendar c =
        CapacityCalendar.of(
                config("UTC", "- { from: \"00:00\", to: \"00:00\", units: { m: 2 } }", "[]"))
            .withExtraEvents(
                List.of(
                    oneOff(
                        "straddle",
                        boundary.minusSeconds(7200).atOffset(java.time.ZoneOffset.UTC).toString(),
                        Duration.ofHours(4),
                        3.0)));

    assertThat(c.expected("m", boundary.plusSeconds(3600)).units()).isEqualTo(6.0);
    assertThat(c.expected("m", boundary.minusSeconds(3600)).units()).isEqualTo(6.0);
    assertThat(c.expected("m", boundary.plusSeconds(7200)).units()).isEqualTo(2.0);
    assertThat(c.occurrences("m", boundary.minusSeconds(86_400), boundary.plusSeconds(86_400)))
        .hasSize(1);
  }

  /** Local start times of a daily event over the given local dates in New York. */
  private static List<String> newYorkStarts(String cron, String fromDate, String toDate) {
    CapacityCalendar c =
        CapacityCalendar.of(
            config(
                "America/New_York",
                "- { from: \"00:00\", to: \"00:00\", units: { m: 1 } }",
                "- { name: daily, cron: \"" + cron + "\", duration: PT1M, multiplier: 2 }"));
    ZoneId ny = ZoneId.of("America/New_York");
    Instant from = java.time.LocalDate.parse(fromDate).atStartOfDay(ny).toInstant();
    Instant to = java.time.LocalDate.parse(toDate).atStartOfDay(ny).toInstant();
    return c.occurrences("m", from, to).stream()
        .map(o -> o.start().atZone(ny).toOffsetDateTime().toString())
        .toList();
  }

  @Test
  void aCronEventKeepsItsLocalTimeAcrossDaylightSavingChanges() {
    assertThat(newYorkStarts("0 0 9 * * ?", "2026-03-07", "2026-03-10"))
        .containsExactly(
            "2026-03-07T09:00-05:00", "2026-03-08T09:00-04:00", "2026-03-09T09:00-04:00");
    assertThat(newYorkStarts("0 0 9 * * ?", "2026-10-31", "2026-11-03"))
        .containsExactly(
            "2026-10-31T09:00-04:00", "2026-11-01T09:00-05:00", "2026-11-02T09:00-05:00");
    assertThat(newYorkStarts("0 0 0 ? * MON", "2027-03-01", "2027-03-23"))
        .containsExactly(
            "2027-03-01T00:00-05:00",
            "2027-03-08T00:00-05:00",
            "2027-03-15T00:00-04:00",
            "2027-03-22T00:00-04:00");
  }

  @Test
  void aCronTimeSkippedBySpringForwardHappensOnceWhenTheClocksJump() {
    // 02:30 does not exist on these days: the event starts at 03:00 EDT, the first instant after.
    assertThat(newYorkStarts("0 30 2 * * ?", "2026-03-07", "2026-03-10"))
        .containsExactly(
            "2026-03-07T02:30-05:00", "2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00");
    assertThat(newYorkStarts("0 30 2 * * ?", "2027-03-14", "2027-03-15"))
        .containsExactly("2027-03-14T03:00-04:00");
  }

  @Test
  void aCronTimeRepeatedByFallBackHappensOnceTheFirstTime() {
    assertThat(newYorkStarts("0 30 1 * * ?", "2026-11-01", "2026-11-02"))
        .containsExactly("2026-11-01T01:30-04:00");
  }
}
