package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix row: a clock change inside an event's lead time. A Sunday 03:00 New York release
 * with a 4-hour lead time must have its canary bought 4 real hours before it and its bulk 1.5 x the
 * observed 15-minute provisioning before it, not by wall-clock hours: across a DST change the two
 * differ by an hour.
 */
class DstLeadTimeFaultTest {
  private static final int WARM = 200;

  /** 4 units; a Sunday 03:00 New York release, x3 for 2 hours, 4 hours' lead. */
  static final CapacityConfig SUNDAY_RELEASE =
      TestConfig.sonnet(4)
          .timezone("America/New_York")
          .event(
              "{ name: sunday-release, cron: \"0 0 3 ? * SUN\", duration: PT2H,"
                  + " multiplier: 3.0, leadTime: PT4H }")
          .build();

  /** The first minute whose pass raises capacity for the event to {@code units}. */
  private static Minute firstEventFloor(Instant eventStart, int units) {
    Instant traceStart = eventStart.minus(Duration.ofHours(4 + 5));
    Drill d =
        new Drill(
                SUNDAY_RELEASE,
                // Until an hour past the start, so the run reaches the bulk 22m30s before it.
                Drill.trace(traceStart, 10 * 60, "sonnet", m -> 2000))
            .warmUp(WARM);
    List<Minute> minutes = d.run(10 * 60 - WARM - 60);
    return minutes.stream()
        .filter(m -> m.pass().plan().models().get("sonnet").reason().contains("sunday-release"))
        .filter(m -> m.pass().plan().models().get("sonnet").targetUnits() >= units)
        .findFirst()
        .orElseThrow();
  }

  private static Instant at(Minute m, Instant eventStart) {
    return eventStart.minus(Duration.ofHours(9)).plus(Duration.ofMinutes(m.minute()));
  }

  @Test
  void springForwardInsideTheLeadTime() {
    // 2027-03-14: 02:00 EST jumps to 03:00 EDT at 07:00Z; 03:00 EDT is 07:00Z.
    Instant start = Instant.parse("2027-03-14T07:00:00Z");

    Minute canary = firstEventFloor(start, 0);
    Minute bulk = firstEventFloor(start, 12);

    // The canary 4 real hours before: 03:00Z (22:00 EST on Saturday), the schedule's 4 units + 1.
    assertThat(at(canary, start)).isEqualTo(Instant.parse("2027-03-14T03:00:00Z"));
    assertThat(canary.pass().plan().models().get("sonnet").targetUnits()).isEqualTo(5);
    assertThat(canary.pass().plan().models().get("sonnet").reason()).contains("canary 1 unit");
    // The bulk by the first pass from 06:37:30Z (22m30s before the start).
    assertThat(at(bulk, start)).isEqualTo(Instant.parse("2027-03-14T06:38:00Z"));
  }

  @Test
  void fallBackInsideTheLeadTime() {
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST at 06:00Z; 03:00 EST is 08:00Z.
    Instant start = Instant.parse("2026-11-01T08:00:00Z");

    Minute canary = firstEventFloor(start, 0);
    Minute bulk = firstEventFloor(start, 12);

    assertThat(at(canary, start)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(canary.pass().plan().models().get("sonnet").targetUnits()).isEqualTo(5);
    assertThat(at(bulk, start)).isEqualTo(Instant.parse("2026-11-01T07:38:00Z"));
  }
}
