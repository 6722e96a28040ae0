package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The schedule and calendar as a baseline: events are pre-provisioned from their lead time and held
 * until start + duration; a multiplier shapes the expectation over [start, start + duration), below
 * 1 as well as above; capacity traffic does not use is trimmed only when no event is in force.
 */
class PlannerEventTest {
  // 15 units all day; the weekly release (Monday 00:00 UTC, 2027-01-04) triples it from 4h before.
  static final CapacityConfig CONFIG =
      TestConfig.sonnet(15)
          .event(
              "{ name: weekly-release, cron: \"0 0 0 ? * MON\", duration: PT6H, multiplier: 3.0,"
                  + " leadTime: PT4H }")
          .build();

  private static ModelDecision at(String instant, double demandTps) {
    Instant now = Instant.parse(instant);
    return decide(CONFIG, now, serving("sonnet", 15, History.flat(now, demandTps)));
  }

  @Test
  void trimsScheduledCapacityTrafficDoesNotUseWhenNoEventIsDue() {
    ModelDecision d = at("2027-01-06T12:00:00Z", 6000); // schedule says 15, demand needs 6

    assertThat(d.targetUnits()).isEqualTo(6);
    assertThat(d.reason()).contains("trim").endsWith("15 -> 6");
    assertThat(d.held()).isFalse();
  }

  @Test
  void doesNotPreProvisionBeforeTheLeadTimeMinusProvisioningTime() {
    // Lead time starts Sunday 20:00; units bought at 19:29 would idle until then.
    ModelDecision d = at("2027-01-03T19:29:00Z", 10_000);

    assertThat(d.targetUnits()).isEqualTo(10);
    assertThat(d.reason()).doesNotContain("weekly-release");
  }

  @Test
  void buysOneProvisioningTimeAheadSoUnitsServeWhenTheLeadTimeStarts() {
    ModelDecision d = at("2027-01-03T19:45:00Z", 10_000); // 19:45 + PT15M = 20:00

    assertThat(d.targetUnits()).isEqualTo(45);
    assertThat(d.reason()).contains("weekly-release in 4h15m (lead 4h)");
  }

  @Test
  void preProvisionsScheduleTimesMultiplierWithinTheLeadTime() {
    ModelDecision d = at("2027-01-03T20:20:00Z", 10_000);

    assertThat(d.targetUnits()).isEqualTo(45);
    assertThat(d.reason())
        .contains("weekly-release in 3h40m (lead 4h)")
        .contains("45 units")
        // 35 units over the 10 demand needs, 3h25m before 23:45 (a provisioning time before the
        // start): 35 x $7.70 x 3.42 h.
        .contains(
            "the lead time holds 35 units over demand 3h25m before provisioning needs them,"
                + " about $921")
        .endsWith("15 -> 45");
  }

  @Test
  void holdsTheEventFloorWithItsMarginAfterItStartsUntilItsRealLevelIsObserved() {
    // Provisioning time (15m) plus the stabilisation window (10m) past the start.
    ModelDecision early = at("2027-01-04T00:24:00Z", 6000);

    assertThat(early.targetUnits()).isEqualTo(59); // 45 x 1.3, rounded up
    assertThat(early.reason()).contains("weekly-release started");
  }

  @Test
  void buysTheMarginOneProvisioningTimeBeforeTheStartSoItServesTheFirstRush() {
    // The multiplier is a forecast: a 3x release once came at 5x. 45 x (1 + 0.3) = 58.5 units.
    ModelDecision before = at("2027-01-03T23:44:00Z", 10_000);
    ModelDecision from = at("2027-01-03T23:45:00Z", 10_000);

    assertThat(before.targetUnits()).isEqualTo(45);
    assertThat(before.reason()).doesNotContain("until its level is seen");
    assertThat(from.reason()).doesNotContain("the lead time holds");
    assertThat(from.targetUnits()).isEqualTo(59);
    assertThat(from.reason())
        .startsWith(
            "weekly-release in 15m (lead 4h): x3.0 of the schedule +30% until its level is seen"
                + " needs 59 units")
        .endsWith("15 -> 59");
  }

  @Test
  void anEventMarginOfZeroHoldsWhatTheMultiplierNeeds() {
    CapacityConfig config =
        TestConfig.sonnet(15)
            .event(
                "{ name: weekly-release, cron: \"0 0 0 ? * MON\", duration: PT6H, multiplier: 3.0,"
                    + " leadTime: PT4H }")
            .policy("eventMargin", 0)
            .build();
    Instant now = Instant.parse("2027-01-04T00:10:00Z");

    ModelDecision d = decide(config, now, serving("sonnet", 15, History.flat(now, 6000)));

    assertThat(d.targetUnits()).isEqualTo(45);
  }

  @Test
  void holdsTheFloorUntilStartPlusDurationWhateverTheFirstHoursDrew() {
    // The release drew a third of what the calendar expected in its first hour, and five hours in
    // still does: the configuration says x3 until start + duration (a New Year's Eve rush comes
    // hours after the start), so the floor holds, without the margin, until 06:00.
    for (String instant : new String[] {"2027-01-04T01:00:00Z", "2027-01-04T05:59:00Z"}) {
      ModelDecision d = at(instant, 6000);

      assertThat(d.targetUnits()).isEqualTo(45);
      assertThat(d.reason())
          .contains("weekly-release started, ends in")
          .contains("x3.0 of the schedule needs 45 units")
          .doesNotContain("until its level is seen");
    }
    assertThat(at("2027-01-04T05:00:00Z", 6000).reason()).contains("ends in 1h");
  }

  // A holiday halves traffic from 12:00 to 18:00 UTC on Wednesday 2027-01-06.
  private static final CapacityConfig DIP =
      TestConfig.sonnet(15)
          .event(
              "{ name: holiday, start: \"2027-01-06T12:00:00Z\", duration: PT6H, multiplier: 0.5 }")
          .build();

  private static ModelDecision dip(String instant, int current, History demand) {
    return decide(DIP, Instant.parse(instant), serving("sonnet", current, demand));
  }

  @Test
  void aMultiplierBelowOneLowersTheExpectationOverTheEvent() {
    // Two hours into the holiday demand runs at 10,000 tps, what x0.5 of 20,000 says: 10 units.
    Instant now = Instant.parse("2027-01-06T14:00:00Z");
    ModelDecision during = dip("2027-01-06T14:00:00Z", 20, History.flat(now, 10_000));

    assertThat(during.targetUnits()).isEqualTo(10);
    assertThat(during.reason()).contains("event x0.50");
  }

  @Test
  void theTrafficADipHeldBackIsExpectedBackWhenItEnds() {
    // Ten minutes before the holiday ends, demand still runs at the dip's 10,000 tps: the
    // expectation a provisioning time ahead is 10,000 / 0.5, so the units are bought before the
    // traffic returns instead of after it throttles. Without the event nothing is bought.
    Instant now = Instant.parse("2027-01-06T17:50:00Z");
    ModelDecision end =
        dip("2027-01-06T17:50:00Z", 10, History.flat(now, 20_000).newest(350, 10_000));
    ModelDecision without =
        decide(
            TestConfig.sonnet(15).build(), now, serving("sonnet", 10, History.flat(now, 10_000)));

    assertThat(end.targetUnits()).isEqualTo(20);
    assertThat(end.reason()).contains("forecast 20,000 tps in 15m").endsWith("10 -> 20");
    assertThat(without.targetUnits()).isEqualTo(10);
  }

  @Test
  void aDipNoLongerInForceChangesNothing() {
    // Two days later, out of the recent day and the profiles: demand as observed.
    Instant now = Instant.parse("2027-01-08T14:00:00Z");
    ModelDecision d = dip("2027-01-08T14:00:00Z", 10, History.flat(now, 10_000));

    assertThat(d.targetUnits()).isEqualTo(10);
    assertThat(d.reason()).doesNotContain("event").doesNotContain("holiday");
  }

  @Test
  void followsTrafficAgainOnceTheEventIsOver() {
    ModelDecision after = at("2027-01-04T06:00:00Z", 6000);

    assertThat(after.targetUnits()).isEqualTo(6);
    assertThat(after.reason()).doesNotContain("weekly-release");
  }

  @Test
  void anEventAboveTheQuotaIsCappedAtMaxUnitsAndSaysSo() {
    CapacityConfig config =
        TestConfig.sonnet(15)
            .event(
                "{ name: final-chapter, start: \"2027-01-11T00:00:00+09:00\", duration: PT8H,"
                    + " multiplier: 5.0, leadTime: PT4H }")
            .build();
    Instant now = Instant.parse("2027-01-10T14:00:00Z"); // 1h after the lead time began

    ModelDecision d = decide(config, now, serving("sonnet", 15, History.flat(now, 10_000)));

    assertThat(d.targetUnits()).isEqualTo(60);
    assertThat(d.reason()).contains("final-chapter").contains("75 units").contains("quota");
  }

  @Test
  void anEventLimitedToOneModelLeavesTheOthersToTheirTraffic() {
    CapacityConfig config =
        TestConfig.empty()
            .model("sonnet")
            .model("haiku")
            .allDay("sonnet: 15, haiku: 5")
            .event(
                "{ name: final-chapter, start: \"2027-01-11T00:00:00Z\", duration: PT8H,"
                    + " multiplier: 3.0, leadTime: PT4H, models: [sonnet] }")
            .build();
    Instant now = Instant.parse("2027-01-10T22:00:00Z");

    Plan plan =
        PlannerFixture.plan(
            config,
            now,
            null,
            java.util.List.of(),
            serving("sonnet", 15, History.flat(now, 10_000)),
            serving("haiku", 5, History.flat(now, 2000)));

    assertThat(plan.models().get("sonnet").targetUnits()).isEqualTo(45);
    assertThat(plan.models().get("haiku").targetUnits()).isEqualTo(2);
  }
}
