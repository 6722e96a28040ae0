package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code plan} on the sandbox, whose warm-up ran a controller pass every minute
 * for two days and a half: the provisioning time it learned from the PTs it bought (the simulator
 * provisions in the configured PT15M), and what the weekly release's 45-minute lead time costs
 * against it (Sunday 2026-12-06 15:00 UTC; 30 Sonnet and 10 Haiku units over the schedule's).
 */
class StatusLeadTimeTest {
  @TempDir Path dir;

  private CliRun sim(String... args) {
    return new SandboxCli(dir).sim(args);
  }

  @Test
  void statusNamesTheProvisioningTimeLearnedAndWhatTheLeadTimeCostsAgainstIt() {
    CliRun status = sim("status");

    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out())
        .containsPattern(
            "sonnet: .*\\n    provisioning observed: median 15m, max 15m over 20 creations, each"
                + " an upper bound \\(configured 15m\\)")
        .contains(
            "    lead time: weekly-release at 2026-12-06T15:00:00Z (lead 45m): 15.0 unit-hours"
                + " ($115.50) held over the schedule before the configured 15m would need them,"
                + " 15.0 ($115.50) before the observed 15m would")
        .contains("5.0 unit-hours ($12.00) held over the schedule");
  }

  @Test
  void statusJsonCarriesTheSameFigures() throws Exception {
    CliRun status = sim("status", "-o", "json");

    assertThat(status.code()).as(status.err()).isZero();
    JsonNode sonnet = Json.MAPPER.readTree(status.out()).get("models").get(0);
    JsonNode provisioning = sonnet.get("provisioning");
    assertThat(provisioning.get("configured").asText()).isEqualTo("PT15M");
    assertThat(provisioning.get("creations").asInt()).isEqualTo(20);
    assertThat(provisioning.get("median").asText()).isEqualTo("PT15M");
    assertThat(provisioning.get("max").asText()).isEqualTo("PT15M");
    assertThat(provisioning.get("stillCreating").isArray()).isTrue();
    JsonNode release = sonnet.get("leadTimes").get(0);
    assertThat(release.get("event").asText()).isEqualTo("weekly-release");
    assertThat(release.get("start").asText()).isEqualTo("2026-12-06T15:00:00Z");
    assertThat(release.get("leadTime").asText()).isEqualTo("PT45M");
    assertThat(release.get("observed").asText()).isEqualTo("PT15M");
    assertThat(release.get("unitHoursBeyondConfigured").asDouble()).isEqualTo(15.0);
    assertThat(release.get("unitHoursBeyondObserved").asDouble()).isEqualTo(15.0);
  }

  @Test
  void planShowsTheLeadTimeBesideThePlan() {
    CliRun plan = sim("plan");

    assertThat(plan.out())
        .contains(
            "lead time (events within 8d; units over the schedule's, forecast demand not in it):")
        .contains("  sonnet: provisioning observed: median 15m")
        .contains(
            "    weekly-release at 2026-12-06T15:00:00Z (lead 45m): 15.0 unit-hours ($115.50)");
  }
}
