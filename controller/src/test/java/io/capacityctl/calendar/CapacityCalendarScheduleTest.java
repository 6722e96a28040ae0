package io.capacityctl.calendar;

import static io.capacityctl.calendar.CalendarFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigFixtures;
import io.capacityctl.config.ConfigLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which window is in force: edges, midnight, days, whole days, DST. */
class CapacityCalendarScheduleTest {
  /** Wednesday 2026-06-10, Tokyo, far from the Monday release. */
  private static Instant tokyo(String localTime) {
    return OffsetDateTime.parse("2026-06-10T" + localTime + "+09:00").toInstant();
  }

  private static Instant at(String instant) {
    return OffsetDateTime.parse(instant).toInstant();
  }

  @Test
  void windowEdgesBelongToTheWindowThatStarts() throws Exception {
    CapacityCalendar cal = CapacityCalendar.of(ConfigLoader.parse(ConfigFixtures.VALID, "v.yaml"));

    assertThat(cal.expected("sonnet", tokyo("11:59:59.999")).units()).isEqualTo(5.0);
    Expectation noon = cal.expected("sonnet", tokyo("12:00:00"));
    assertThat(noon.givesUnits()).isFalse();
    assertThat(noon.tps()).isEqualTo(8000.0);
    assertThat(noon.units()).isNaN();
    assertThat(cal.expected("haiku", tokyo("16:59:59")).tps()).isEqualTo(9000.5);
    Expectation five = cal.expected("sonnet", tokyo("17:00:00"));
    assertThat(five.units()).isEqualTo(15.0);
    assertThat(five.tps()).isNaN();
    assertThat(five.multiplier()).isEqualTo(1.0);
    assertThat(five.event()).isNull();
    assertThat(five.window().from()).hasToString("17:00");
  }

  @Test
  void aWindowRunsAcrossMidnight() throws Exception {
    CapacityCalendar cal = CapacityCalendar.of(ConfigLoader.parse(ConfigFixtures.VALID, "v.yaml"));

    assertThat(cal.expected("sonnet", tokyo("23:59:59")).units()).isEqualTo(15.0);
    assertThat(cal.expected("sonnet", at("2026-06-11T00:00:00+09:00")).units()).isEqualTo(15.0);
    assertThat(cal.expected("haiku", at("2026-06-11T01:59:59+09:00")).units()).isEqualTo(5.0);
    assertThat(cal.expected("haiku", at("2026-06-11T02:00:00+09:00")).units()).isEqualTo(0.0);
  }

  /**
   * Weekdays 09-18 / 18-09 (Friday's night ends Saturday 09:00), weekends whole days from 09:00.
   */
  private static final String WORK_WEEK =
      """
      - { from: "09:00", to: "18:00", days: [MON, TUE, WED, THU, FRI], units: { m: 4 } }
      - { from: "18:00", to: "09:00", days: [MON, TUE, WED, THU, FRI], units: { m: 2 } }
      - { from: "09:00", to: "09:00", days: [SAT, SUN], units: { m: 1 } }
      """;

  @Test
  void daysApplyToTheDayAWindowStartsOn() {
    CapacityCalendar cal = CapacityCalendar.of(config("Asia/Tokyo", WORK_WEEK, "[]"));
    // 2026-06-12 is a Friday.
    assertThat(cal.expected("m", at("2026-06-12T17:59:00+09:00")).units()).isEqualTo(4.0);
    assertThat(cal.expected("m", at("2026-06-12T18:00:00+09:00")).units()).isEqualTo(2.0);
    assertThat(cal.expected("m", at("2026-06-13T08:59:59+09:00")).units())
        .as("Saturday morning is still Friday's night")
        .isEqualTo(2.0);
    assertThat(cal.expected("m", at("2026-06-13T09:00:00+09:00")).units()).isEqualTo(1.0);
    assertThat(cal.expected("m", at("2026-06-15T08:59:59+09:00")).units())
        .as("Monday morning is still Sunday's whole day, 09:00 to 09:00")
        .isEqualTo(1.0);
    assertThat(cal.expected("m", at("2026-06-15T09:00:00+09:00")).units()).isEqualTo(4.0);
  }

  @Test
  void aWholeDayWindowCoversEveryMinute() {
    CapacityCalendar cal =
        CapacityCalendar.of(
            config("UTC", "- { from: \"00:00\", to: \"00:00\", units: { m: 7 } }", "[]"));
    for (Instant t = at("2026-06-08T00:00:00Z");
        t.isBefore(at("2026-06-15T00:00:00Z"));
        t = t.plusSeconds(60)) {
      assertThat(cal.expected("m", t).units()).isEqualTo(7.0);
    }
  }

  /** Night 00-02, the 02:00 hour on its own, day 03-24, New York local time. */
  private static final String NEW_YORK =
      """
      - { from: "00:00", to: "02:00", units: { m: 1 } }
      - { from: "02:00", to: "03:00", units: { m: 2 } }
      - { from: "03:00", to: "00:00", units: { m: 3 } }
      """;

  /** Minutes (elapsed, not local) spent in each window's units between two instants. */
  private static Map<Double, Integer> minutesPerWindow(
      CapacityCalendar cal, Instant from, Instant to) {
    Map<Double, Integer> minutes = new TreeMap<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      minutes.merge(cal.expected("m", t).units(), 1, Integer::sum);
    }
    return minutes;
  }

  @Test
  void springForwardSkipsTheLocalHourThatDoesNotExist() {
    CapacityCalendar cal = CapacityCalendar.of(config("America/New_York", NEW_YORK, "[]"));
    for (String day : List.of("2026-03-08", "2027-03-14")) {
      Instant midnight = at(day + "T00:00:00-05:00");
      Instant nextMidnight = at(day + "T00:00:00-05:00").plus(Duration.ofHours(23));
      assertThat(cal.expected("m", at(day + "T01:59:59-05:00")).units()).isEqualTo(1.0);
      assertThat(cal.expected("m", at(day + "T03:00:00-04:00")).units())
          .as("the instant after 01:59:59 EST is 03:00 EDT")
          .isEqualTo(3.0);
      assertThat(minutesPerWindow(cal, midnight, nextMidnight))
          .as(day + " has 23 hours and no 02:00 hour")
          .isEqualTo(Map.of(1.0, 120, 3.0, 21 * 60));
    }
  }

  @Test
  void fallBackRepeatsTheLocalHourInTheSameWindow() {
    CapacityCalendar cal = CapacityCalendar.of(config("America/New_York", NEW_YORK, "[]"));
    assertThat(cal.expected("m", at("2026-11-01T01:30:00-04:00")).units()).isEqualTo(1.0);
    assertThat(cal.expected("m", at("2026-11-01T01:30:00-05:00")).units())
        .as("01:30 happens twice, both in the night window")
        .isEqualTo(1.0);
    assertThat(cal.expected("m", at("2026-11-01T02:00:00-05:00")).units()).isEqualTo(2.0);
    Instant midnight = at("2026-11-01T00:00:00-04:00");
    assertThat(minutesPerWindow(cal, midnight, midnight.plus(Duration.ofHours(25))))
        .as("2026-11-01 has 25 hours, three of them in the night window")
        .isEqualTo(Map.of(1.0, 180, 2.0, 60, 3.0, 21 * 60));
  }

  @Test
  void tokyoHasNoDaylightSavingAroundTheAmericanChanges() {
    CapacityCalendar cal = CapacityCalendar.of(config("Asia/Tokyo", NEW_YORK, "[]"));
    Instant midnight = at("2026-03-08T00:00:00+09:00");
    assertThat(minutesPerWindow(cal, midnight, midnight.plus(Duration.ofHours(24))))
        .isEqualTo(Map.of(1.0, 120, 2.0, 60, 3.0, 21 * 60));
  }

  @Test
  void aHandBuiltScheduleWithAGapIsRefused() {
    CapacityConfig valid = config("UTC", NEW_YORK, "[]");
    CapacityConfig gap =
        new CapacityConfig(
            valid.name(),
            valid.timezone(),
            valid.models(),
            valid.ecs(),
            valid.schedule().subList(0, 2),
            valid.events(),
            valid.policy(),
            valid.budget(),
            valid.aws(),
            "hand-built");
    assertThatThrownBy(() -> CapacityCalendar.of(gap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covers MON 03:00-24:00 with no window");
  }

  @Test
  void unknownModelsAreRejected() {
    CapacityCalendar cal = CapacityCalendar.of(config("UTC", NEW_YORK, "[]"));
    assertThatThrownBy(() -> cal.expected("opus", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown model 'opus'");
  }

  @Test
  void answersAreTheSameFromManyThreads() throws Exception {
    io.capacityctl.config.CapacityConfig config =
        ConfigLoader.parse(ConfigFixtures.VALID, "v.yaml");
    List<Instant> instants = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    Instant base = at("2026-01-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      instants.add(base.plusSeconds(random.nextInt(2 * 365 * 86_400)));
    }
    CapacityCalendar sequential = CapacityCalendar.of(config);
    List<Expectation> expected =
        instants.stream().map(t -> sequential.expected("sonnet", t)).toList();

    CapacityCalendar shared = CapacityCalendar.of(config);
    List<Expectation> parallel =
        instants.parallelStream().map(t -> shared.expected("sonnet", t)).toList();

    assertThat(parallel).isEqualTo(expected);
  }
}
