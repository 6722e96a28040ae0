package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate} totals what the events' lead times cost over the run, against the provisioning
 * time the run's own creations showed: a week of the synthetic MangaAssist trace holds one weekly
 * release (Monday 2026-12-07 00:00 JST, lead 45m, 30 Sonnet units over the schedule's).
 */
class SimulateLeadTimeTest {
  @Test
  void theDetailTableAndTheJsonTotalTheLeadTimeOfTheRun() throws Exception {
    CliRun table = CliRun.system("simulate", "--days", "7", "--policy", "capacityctl");
    CliRun json =
        CliRun.system("simulate", "--days", "7", "--policy", "capacityctl", "--output", "json");

    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out())
        .contains(
            "sonnet     lead time over 1 event occurrence: 15.0 unit-hours ($115.50) held over the"
                + " schedule before the configured 15m would need them, 15.0 ($115.50) before the"
                + " observed 15m would, 4.4 ($33.62) in the canary reading; provisioning observed:"
                + " median 15m, max 15m over");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode lead =
        Json.MAPPER
            .readTree(json.out())
            .get("policies")
            .get("capacityctl")
            .get("models")
            .get("sonnet")
            .get("leadTime");
    assertThat(lead.get("occurrences").asInt()).isEqualTo(1);
    assertThat(lead.get("configuredProvisioning").asText()).isEqualTo("PT15M");
    assertThat(lead.get("observedLongest").asText()).isEqualTo("PT15M");
    assertThat(lead.get("observedCreations").asInt()).isPositive();
    assertThat(lead.get("unitHoursBeyondConfigured").asDouble()).isEqualTo(15.0);
    assertThat(lead.get("usdBeyondObserved").asDouble()).isEqualTo(115.5);
    // One unit for the 22 minutes before the bulk is due (22m30s ahead), 30 units for the 8 after.
    assertThat(lead.get("unitHoursCanary").asDouble()).isCloseTo(262 / 60.0, within(0.005));
  }
}
