package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix row: a clock change inside an event's lead time. A Sunday 03:00 New York release
 * with a 4-hour lead time must be provisioned 4 real hours (plus the provisioning time) before it,
 * not 4 wall-clock hours: across a DST change the two differ by an hour.
 */
class DstLeadTimeFaultTest {
  private static final int WARM = 200;

  /** The first minute whose pass raises capacity for the event, as an instant. */
  private static Minute firstEventFloor(Instant eventStart) {
    Instant traceStart = eventStart.minus(Duration.ofHours(4 + 5));
    Drill d =
        new Drill(
                TestConfig.sonnet(4)
                    .timezone("America/New_York")
                    .event(
                        "{ name: sunday-release, cron: \"0 0 3 ? * SUN\", duration: PT2H,"
                            + " multiplier: 3.0, leadTime: PT4H }")
                    .build(),
                Drill.trace(traceStart, 9 * 60, "sonnet", m -> 2000))
            .warmUp(WARM);
    List<Minute> minutes = d.run(9 * 60 - WARM - 60);
    return minutes.stream()
        .filter(m -> m.pass().plan().models().get("sonnet").reason().contains("sunday-release"))
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

    Minute first = firstEventFloor(start);

    // 4 real hours and the 15-minute provisioning time before: 02:45Z (21:45 EST on Saturday).
    assertThat(at(first, start)).isEqualTo(Instant.parse("2027-03-14T02:45:00Z"));
    assertThat(first.pass().plan().models().get("sonnet").targetUnits()).isEqualTo(12);
  }

  @Test
  void fallBackInsideTheLeadTime() {
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST at 06:00Z; 03:00 EST is 08:00Z.
    Instant start = Instant.parse("2026-11-01T08:00:00Z");

    Minute first = firstEventFloor(start);

    assertThat(at(first, start)).isEqualTo(Instant.parse("2026-11-01T03:45:00Z"));
    assertThat(first.pass().plan().models().get("sonnet").targetUnits()).isEqualTo(12);
  }
}
