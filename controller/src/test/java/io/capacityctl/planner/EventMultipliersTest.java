package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Observed demand divided by the multiplier in force minute by minute: only the minutes an event
 * touches change, overlapping events take the largest, a dip below 1 divides up, and the minutes
 * given are never written.
 */
class EventMultipliersTest {
  // A release x3 on Mondays 00:00-01:00 UTC and a holiday dip x0.5 on 2027-01-04 00:30-02:00.
  static final CapacityConfig CONFIG =
      TestConfig.sonnet(15)
          .event(
              "{ name: release, cron: \"0 0 0 ? * MON\", duration: PT1H, multiplier: 3.0,"
                  + " leadTime: PT0S }")
          .event(
              "{ name: holiday, start: \"2027-01-04T00:30:00Z\", duration: PT90M, multiplier: 0.5,"
                  + " leadTime: PT0S }")
          .build();

  private final CapacityCalendar calendar = CapacityCalendar.of(CONFIG);

  @Test
  void onlyTheMinutesAnEventTouchesAreDividedAndTheLargestMultiplierApplies() {
    Instant first = Instant.parse("2027-01-03T23:00:00Z"); // 4 hours from Sunday 23:00
    double[] observed = new double[240];
    Arrays.fill(observed, 3000);
    double[] given = observed.clone();

    double[] base = EventMultipliers.divided(calendar, "sonnet", first, observed);

    assertThat(observed).as("never written").containsExactly(given);
    assertThat(base[59]).isEqualTo(3000); // Sunday 23:59: no event
    assertThat(base[60]).isEqualTo(1000); // the release alone: x3
    assertThat(base[100]).isEqualTo(1000); // release and dip overlap: the larger, x3
    assertThat(base[120]).isEqualTo(6000); // the dip alone after the release: x0.5
    assertThat(base[179]).isEqualTo(6000);
    assertThat(base[180]).isEqualTo(3000); // 02:00: over
    assertThat(base[239]).isEqualTo(3000);
  }

  @Test
  void aSpanOfABufferIsDividedInPlaceAsItsMinutesAloneAndNothingElseWritten() {
    // The planner's memo divides the minutes new to it where they sit in a larger buffer.
    Instant first = Instant.parse("2027-01-03T23:00:00Z");
    double[] buffer = new double[500];
    for (int i = 0; i < buffer.length; i++) {
      buffer[i] = 1000 + i;
    }
    double[] given = buffer.clone();

    int lastTouched = EventMultipliers.divide(calendar, "sonnet", first, buffer, 100, 240);

    assertThat(Arrays.copyOfRange(buffer, 0, 100))
        .as("before the span")
        .containsExactly(Arrays.copyOfRange(given, 0, 100));
    assertThat(Arrays.copyOfRange(buffer, 340, 500))
        .as("after the span")
        .containsExactly(Arrays.copyOfRange(given, 340, 500));
    assertThat(Arrays.copyOfRange(buffer, 100, 340))
        .containsExactly(
            EventMultipliers.divided(
                calendar, "sonnet", first, Arrays.copyOfRange(given, 100, 340)));
    assertThat(buffer[160]).isEqualTo((1000 + 160) / 3.0);
    assertThat(lastTouched).as("the dip ends at 02:00, 180 minutes in").isEqualTo(179);
    // No event in those minutes: nothing is written.
    double[] untouched = given.clone();
    assertThat(
            EventMultipliers.divide(
                calendar, "sonnet", Instant.parse("2027-01-06T12:00:00Z"), untouched, 100, 240))
        .isEqualTo(-1);
    assertThat(untouched).containsExactly(given);
  }

  @Test
  void minutesNoEventTouchesAreReturnedAsGiven() {
    double[] observed = {1, Double.NaN, 3};

    double[] base =
        EventMultipliers.divided(
            calendar, "sonnet", Instant.parse("2027-01-06T12:00:00Z"), observed);

    assertThat(base).isSameAs(observed);
    assertThat(EventMultipliers.divided(calendar, "sonnet", Instant.EPOCH, null)).isNull();
  }

  @Test
  void fillGivesOneWhereNoEventApplies() {
    double[] m = new double[180];

    boolean any =
        EventMultipliers.fill(
            calendar, "sonnet", Instant.parse("2027-01-03T23:30:00Z"), m.length, m);

    assertThat(any).isTrue();
    assertThat(m[29]).isEqualTo(1.0);
    assertThat(m[30]).isEqualTo(3.0);
    assertThat(m[90]).isEqualTo(0.5);
    assertThat(m[179]).isEqualTo(1.0);
  }
}
