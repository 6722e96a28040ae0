package io.capacityctl.leadtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lead time of the bundled MangaAssist weekly release (Monday 00:00 JST = Sunday 15:00 UTC, x3,
 * in the 17:00-02:00 window of 15 Sonnet and 5 Haiku units), priced against the configured and the
 * observed provisioning time: 30 Sonnet and 10 Haiku units over the schedule's.
 */
class LeadCostTest {
  /** Thursday after the final chapter: the next release is Monday 2027-01-18 00:00 JST. */
  static final Instant NOW = Instant.parse("2027-01-14T00:00:00Z");

  static final Instant RELEASE = Instant.parse("2027-01-17T15:00:00Z");

  static CapacityConfig mangaAssist(String weeklyLeadTime) throws Exception {
    String yaml;
    try (InputStream in =
        LeadCostTest.class.getClassLoader().getResourceAsStream("schedules/mangaassist.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String bundled = "multiplier: 3.0, leadTime: PT45M";
    assertThat(yaml).contains(bundled);
    return ConfigLoader.parse(
        yaml.replace(bundled, "multiplier: 3.0, leadTime: " + weeklyLeadTime), "mangaassist.yaml");
  }

  private static LeadCost release(CapacityConfig config, String model, Duration observed) {
    List<LeadCost> costs =
        LeadCost.of(
            config, CapacityCalendar.of(config), model, observed, NOW, NOW.plus(LeadTimes.HORIZON));
    return costs.stream().filter(c -> c.event().equals("weekly-release")).findFirst().orElseThrow();
  }

  @Test
  void theRunbooksFourHoursHoldThirtySonnetUnitsForThreeHoursFortyFiveBeyondTheConfiguredTime()
      throws Exception {
    LeadCost c = release(mangaAssist("PT4H"), "sonnet", Duration.ofMinutes(17));

    assertThat(c.start()).isEqualTo(RELEASE);
    assertThat(c.leadTime()).isEqualTo(Duration.ofHours(4));
    // 30 units x (240 - 15) minutes, and x (240 - 17) minutes.
    assertThat(c.unitHoursBeyondConfigured()).isCloseTo(30 * 225 / 60.0, within(1e-9));
    assertThat(c.usdBeyondConfigured()).isCloseTo(112.5 * 7.70, within(1e-6));
    assertThat(c.unitHoursBeyondObserved()).isCloseTo(30 * 223 / 60.0, within(1e-9));
    assertThat(c.describe())
        .isEqualTo(
            "weekly-release at 2027-01-17T15:00:00Z (lead 4h): 112.5 unit-hours ($866.25) held over"
                + " the schedule before the configured 15m would need them, 111.5 ($858.55)"
                + " before the observed 17m would; canary reading (1 unit from the lead, the bulk"
                + " 25m30s ahead): 9.1 ($69.81)");
  }

  @Test
  void theCanaryReadingHoldsOneUnitUntilTheBulkIsDueOneAndAHalfObservedTimesAhead()
      throws Exception {
    CapacityConfig config = mangaAssist("PT4H");
    LeadCost sonnet = release(config, "sonnet", Duration.ofMinutes(15));
    LeadCost haiku = release(config, "haiku", Duration.ofMinutes(15));

    // The bulk is due 22m30s ahead: bought by the pass 23 minutes ahead. Until then one unit:
    // 217 unit-minutes; then the floor's 30 (Sonnet) or 10 (Haiku) units for the 8 minutes before
    // the configured 15m.
    assertThat(sonnet.unitHoursCanary()).isCloseTo((217 + 8 * 30) / 60.0, within(1e-9));
    assertThat(haiku.unitHoursCanary()).isCloseTo((217 + 8 * 10) / 60.0, within(1e-9));
    // Per release, both models: $70.53 against the literal reading's $956.25.
    assertThat(sonnet.usdCanary() + haiku.usdCanary()).isCloseTo(70.53, within(0.005));
    assertThat(sonnet.usdBeyondConfigured() + haiku.usdBeyondConfigured())
        .isCloseTo(956.25, within(1e-6));
  }

  @Test
  void theBulkLeadIsOneAndAHalfObservedTimesNeverBelowTheConfiguredNorAboveTheLeadTime() {
    Duration lead = Duration.ofMinutes(45);
    Duration configured = Duration.ofMinutes(15);

    assertThat(LeadCost.bulkLead(lead, configured, Duration.ofMinutes(20)))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(LeadCost.bulkLead(lead, configured, Duration.ofMinutes(5))).isEqualTo(configured);
    assertThat(LeadCost.bulkLead(lead, configured, Duration.ofHours(2))).isEqualTo(lead);
    assertThat(LeadCost.bulkLead(lead, configured, null)).as("nothing observed").isEqualTo(lead);
  }

  @Test
  void haikuHoldsItsOwnTenUnits() throws Exception {
    LeadCost c = release(mangaAssist("PT4H"), "haiku", Duration.ofMinutes(15));

    assertThat(c.unitHoursBeyondConfigured()).isCloseTo(10 * 225 / 60.0, within(1e-9));
    assertThat(c.usdBeyondObserved()).isCloseTo(37.5 * 2.40, within(1e-9));
  }

  @Test
  void theBundledFortyFiveMinutesCostThirtyMinutesBeyondTheConfiguredTime() throws Exception {
    LeadCost c = release(mangaAssist("PT45M"), "sonnet", null);

    assertThat(c.unitHoursBeyondConfigured()).isCloseTo(15.0, within(1e-9));
    assertThat(c.unitHoursBeyondObserved()).isNaN();
    assertThat(c.describe()).endsWith("; no provisioning observed yet");
  }

  @Test
  void anObservedProvisioningLongerThanTheLeadTimeCostsNothingBeyondIt() throws Exception {
    LeadCost c = release(mangaAssist("PT45M"), "sonnet", Duration.ofHours(1));

    assertThat(c.unitHoursBeyondObserved()).isZero();
    assertThat(c.unitHoursBeyondConfigured()).isCloseTo(15.0, within(1e-9));
  }

  @Test
  void aLeadWindowAnotherStrongerEventRulesIsNotChargedToTheRelease() throws Exception {
    // The final chapter (x5, Sonnet, lead 4h) starts with the 2027-01-11 release: its floor rules
    // those minutes, and is charged to it, capped at the 60-unit quota (60 - 15 = 45 units).
    CapacityConfig config = mangaAssist("PT4H");
    Instant before = Instant.parse("2027-01-07T00:00:00Z");
    List<LeadCost> costs =
        LeadCost.of(
            config,
            CapacityCalendar.of(config),
            "sonnet",
            null,
            before,
            before.plus(LeadTimes.HORIZON));

    LeadCost finale =
        costs.stream().filter(c -> c.event().equals("final-chapter")).findFirst().orElseThrow();
    LeadCost release =
        costs.stream().filter(c -> c.event().equals("weekly-release")).findFirst().orElseThrow();
    assertThat(finale.unitHoursBeyondConfigured()).isCloseTo(45 * 225 / 60.0, within(1e-9));
    assertThat(release.unitHoursBeyondConfigured()).isZero();
  }
}
