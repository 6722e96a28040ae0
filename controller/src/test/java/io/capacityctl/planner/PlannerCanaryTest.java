package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The canary reading of a lead time (docs/leadtime.md): once the model's provisioning was observed,
 * the lead time buys one unit over the schedule when it starts, and the whole floor only {@code
 * bulkLead = max(1.5 x observed, provisioningTime)} (capped at the lead time) before the start. A
 * creation still in progress counts as observed, so a slow canary pulls the bulk earlier by itself;
 * with nothing observed the lead time holds literally.
 */
class PlannerCanaryTest {
  // PlannerEventTest's: 15 units all day; the weekly release (Monday 00:00 UTC, 2027-01-04)
  // triples it from 4h before. Provisioning time 15m; demand 10,000 tps needs 10 units.
  private static final CapacityConfig CONFIG = PlannerEventTest.CONFIG;

  private static final Duration FIFTEEN = Duration.ofMinutes(15);

  private static ModelDecision at(String instant, Duration observed) {
    Instant now = Instant.parse(instant);
    return decide(
        CONFIG,
        now,
        new ModelState("sonnet", 15, 0, 0, 0, History.flat(now, 10_000).build(), null, observed));
  }

  @Test
  void buysOneCanaryUnitOverTheScheduleWhenTheLeadTimeStarts() {
    ModelDecision d = at("2027-01-03T20:00:00Z", FIFTEEN);

    assertThat(d.targetUnits()).isEqualTo(16); // the schedule's 15 + the canary
    assertThat(d.reason())
        .startsWith(
            "weekly-release in 4h (lead 4h): canary 1 unit over what is held until the bulk,"
                + " 22m30s ahead (1.5 x observed 15m), needs 16 units")
        .endsWith("15 -> 16");
  }

  @Test
  void theCanaryIsNotBoughtBeforeTheLeadTimeStarts() {
    // The literal reading buys the whole floor a provisioning time before the lead (45 at 19:45).
    ModelDecision d = at("2027-01-03T19:59:00Z", FIFTEEN);

    assertThat(d.targetUnits()).isEqualTo(10);
    assertThat(d.reason()).doesNotContain("weekly-release");
  }

  @Test
  void theCanaryHoldsUntilTheBulkIsDueAndTheLeadCostIsPricedAgainstTheBulk() {
    ModelDecision d = at("2027-01-03T20:20:00Z", FIFTEEN);

    assertThat(d.targetUnits()).isEqualTo(16);
    // 6 units over the 10 demand needs, 3h17m30s before the bulk (23:37:30): 6 x $7.70 x 3.29 h.
    assertThat(d.reason())
        .contains("the lead time holds 6 units over demand 3h17m before provisioning needs them")
        .contains("about $152");
  }

  @Test
  void theBulkIsNotBoughtBeforeStartMinusBulkLeadAndIsWholeFromThen() {
    ModelDecision before = at("2027-01-03T23:37:29Z", FIFTEEN);
    ModelDecision bulk = at("2027-01-03T23:37:30Z", FIFTEEN); // 00:00 - 1.5 x 15m
    ModelDecision margin = at("2027-01-03T23:45:00Z", FIFTEEN);

    assertThat(before.targetUnits()).isEqualTo(16);
    assertThat(bulk.targetUnits()).isEqualTo(45);
    assertThat(bulk.reason())
        .startsWith("weekly-release in 22m (lead 4h): x3.0 of the schedule needs 45 units")
        .doesNotContain("the lead time holds");
    // The event margin keeps its own rule: one provisioning time before the start.
    assertThat(margin.targetUnits()).isEqualTo(59);
  }

  @Test
  void aCanaryStillCreatingPushesTheBulkEarlierUpToTheLeadTime() {
    // A canary bought at 20:00 still Creating at 21:00 has taken an hour so far: the bulk is due
    // 1.5 h ahead, at 22:30.
    assertThat(at("2027-01-03T21:00:00Z", Duration.ofHours(1)).targetUnits()).isEqualTo(16);
    assertThat(at("2027-01-03T22:29:00Z", Duration.ofMinutes(60)).targetUnits()).isEqualTo(16);
    assertThat(at("2027-01-03T22:29:00Z", Duration.ofMinutes(61)).targetUnits())
        .as("observed 61m: bulk 1h31m30s ahead, due since 22:28:30")
        .isEqualTo(45);
    assertThat(at("2027-01-03T22:30:00Z", Duration.ofMinutes(90)).targetUnits())
        .as("observed 90m: bulk 2h15m ahead, due since 21:45")
        .isEqualTo(45);
    // Still Creating after 2h40m: 1.5 x that is past the lead time, which caps it.
    ModelDecision capped = at("2027-01-03T22:40:00Z", Duration.ofMinutes(160));
    assertThat(capped.targetUnits()).isEqualTo(45);
    assertThat(capped.reason()).contains("x3.0 of the schedule needs 45 units");
  }

  @Test
  void aProvisioningTimeLongerThanTheLeadTimeIsTheLiteralReading() {
    // Observed 3h: 4h30m > the 4h lead, so the whole floor is bought as literally configured,
    // a provisioning time before the lead time starts.
    ModelDecision d = at("2027-01-03T19:45:00Z", Duration.ofHours(3));

    assertThat(d.targetUnits()).isEqualTo(45);
    assertThat(d.reason()).doesNotContain("canary");
  }

  @Test
  void anObservedTimeShorterThanConfiguredDueTheBulkAtTheConfiguredTime() {
    // (From 23:42 the forecast a provisioning time ahead reaches the release itself.)
    ModelDecision canary = at("2027-01-03T23:40:00Z", Duration.ofMinutes(5));
    ModelDecision bulk = at("2027-01-03T23:45:00Z", Duration.ofMinutes(5));

    assertThat(canary.targetUnits()).isEqualTo(16);
    assertThat(canary.reason()).contains("until the bulk, 15m ahead (configured 15m, observed 5m)");
    assertThat(bulk.targetUnits()).isEqualTo(59);
  }

  @Test
  void nothingObservedIsTheLiteralReading() {
    ModelDecision lead = at("2027-01-03T19:45:00Z", null);
    ModelDecision within = at("2027-01-03T20:20:00Z", null);

    assertThat(lead.targetUnits()).isEqualTo(45);
    assertThat(within.targetUnits()).isEqualTo(45);
    assertThat(within.reason())
        .doesNotContain("canary")
        .contains(
            "the lead time holds 35 units over demand 3h25m before provisioning needs them,"
                + " about $921");
  }

  @Test
  void theCanaryIsBoughtOnTopOfWhatTheForecastHoldsAndNeverBeyondTheWholeFloor() {
    // The canary is a purchase that proves permission, quota and provisioning time: where the
    // forecast already holds more than the schedule (30 units for 30,000 tps), it is the 31st.
    // Where the forecast needs the whole floor (45) or more, that purchase is the proof.
    Instant now = Instant.parse("2027-01-03T20:20:00Z");
    ModelDecision busy = busy(now, 30_000);
    ModelDecision peak = busy(now, 50_000);

    assertThat(busy.targetUnits()).isEqualTo(31);
    assertThat(busy.reason())
        .contains("canary 1 unit over what is held")
        .contains("needs 31 units");
    assertThat(peak.targetUnits()).isGreaterThanOrEqualTo(45);
    assertThat(peak.reason()).doesNotContain("canary");
  }

  private static ModelDecision busy(Instant now, double tps) {
    return decide(
        CONFIG,
        now,
        new ModelState("sonnet", 15, 0, 0, 0, History.flat(now, tps).build(), null, FIFTEEN));
  }
}
