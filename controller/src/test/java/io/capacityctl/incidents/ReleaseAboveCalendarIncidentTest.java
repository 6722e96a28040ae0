package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.health.HealthFinding;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.testing.TestConfig;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * MangaAssist incident 1: the final-chapter release drew 5x the usual traffic while the calendar
 * planned 3x. The event floor must be in place for the lead time, with its margin from the start
 * on; beyond that margin, escalation must follow within minutes of sustained load above 80%, and
 * capacity must cover demand a provisioning time later.
 */
class ReleaseAboveCalendarIncidentTest {
  /** The release starts at 05:00Z, minute 300 of the drill. */
  private static final int RELEASE = 300;

  private static final int PROVISIONING = 15;

  @Test
  void theEventMarginServesAFiveTimesReleaseOnAThreeTimesCalendarFromItsFirstMinute() {
    // 12 units x 1.3 = 16 units from the start: with 5000 tps on demand they serve 21,000.
    Drill d = release(TestConfig.sonnet(4), 20_000);

    d.run(RELEASE - d.now());
    List<Minute> release = d.run(40);

    ModelDecision floor = d.since(RELEASE - 1).get(0).pass().plan().models().get("sonnet");
    assertThat(floor.targetUnits()).isEqualTo(16);
    assertThat(floor.reason()).contains("final-chapter").contains("+30% until its level is seen");
    assertThat(release).allSatisfy(m -> assertThat(m.throttled("sonnet")).isZero());
  }

  @Test
  void aReleaseBeyondTheMarginEscalatesAndIsCovered() {
    // No margin (eventMargin: 0): 12 units planned, the release brings 20000.
    Drill d = release(TestConfig.sonnet(4).policy("eventMargin", 0), 20_000);

    d.run(RELEASE - d.now());
    List<Minute> release = d.run(40);

    ModelDecision floor = d.since(RELEASE - 1).get(0).pass().plan().models().get("sonnet");
    assertThat(floor.targetUnits()).isEqualTo(12);
    assertThat(floor.reason()).contains("final-chapter");
    // Over 80% of 12 units + 5000 tps on demand from the first minute: sustained for 2 minutes,
    // read 2 minutes late (CloudWatch), escalation is the pass at +3.
    Minute escalated =
        release.stream()
            .filter(m -> m.pass().plan().models().get("sonnet").reason().startsWith("escalate"))
            .findFirst()
            .orElseThrow();
    assertThat(escalated.minute() - RELEASE).isBetween(2, 3);
    ModelDecision up = escalated.pass().plan().models().get("sonnet");
    assertThat(up.reason()).contains("observed 20,000 tps");
    assertThat(up.targetUnits()).isGreaterThanOrEqualTo(15); // 15 units + on demand serve 20000
    // Callers throttled every minute until the units arrive: the throttles alarm's 5 minutes.
    assertThat(release.subList(0, 5))
        .allSatisfy(m -> assertThat(m.throttled("sonnet")).isPositive());
    assertThat(
            release.stream()
                .filter(m -> m.minute() > RELEASE + 2)
                .map(Minute::health)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow()
                .findings())
        .anySatisfy(
            f -> {
              assertThat(f.status()).isNotEqualTo(HealthFinding.Status.OK);
              assertThat(f.detail()).contains("throttl");
            });
    Minute covered =
        release.stream().filter(m -> m.throttled("sonnet") == 0).findFirst().orElseThrow();
    assertThat(covered.minute() - RELEASE).isLessThanOrEqualTo(PROVISIONING + 3);
    assertThat(release.subList(covered.minute() - RELEASE, release.size()))
        .allSatisfy(m -> assertThat(m.throttled("sonnet")).isZero());
  }

  /** 4 units scheduled for 4000 tps; the calendar says x3 (12 units); the release brings more. */
  private static Drill release(TestConfig config, double releaseTps) {
    return new Drill(
            config
                .event(
                    "{ name: final-chapter, start: \"2027-01-06T05:00:00Z\", duration: PT6H,"
                        + " multiplier: 3.0, leadTime: PT2H }")
                .ecs()
                .build(),
            Drill.trace(RELEASE + 60, "sonnet", m -> m < RELEASE ? 4000 : releaseTps))
        .warmUp(200);
  }
}
