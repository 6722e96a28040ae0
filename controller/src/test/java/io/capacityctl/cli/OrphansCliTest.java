package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.SimAccounts.Running;
import org.junit.jupiter.api.Test;

/**
 * {@code status} and {@code health} answer FinOps' question on a simulated account: a fleet left by
 * a configuration nobody runs any more (orphaned), and a PT of this configuration's whose model is
 * no longer in it (retiring).
 */
class OrphansCliTest {
  private final Running running = SimAccounts.running("daemon:controller");
  private final SimAccount account = running.account();

  private void leaveFleets() {
    String sonnet = account.config().model("sonnet").modelId();
    // 3 units bought by a configuration renamed long ago: no controller claims it.
    for (int i = 0; i < 3; i++) {
      account
          .cloud()
          .bedrock()
          .addForeign(
              sonnet,
              1,
              "capacityctl-mangaassist-2025-" + i,
              ProvisionedThroughput.tagsFor(
                  "mangaassist-2025", "capacityctl-mangaassist-2025", "sonnet", "t" + i));
    }
    // 2 units of this configuration's, for a model key it no longer has.
    account
        .cloud()
        .bedrock()
        .addForeign(
            sonnet,
            2,
            "capacityctl-mangaassist-legacy-1",
            ProvisionedThroughput.tagsFor(
                "mangaassist", "capacityctl-mangaassist", "legacy", "t-legacy"));
  }

  @Test
  void statusShowsOrphanedAndRetiringUnitsWithTheirCost() throws Exception {
    leaveFleets();

    CliRun text = CliRun.run(account, "status", "--cloud", "sim");
    CliRun json = CliRun.run(account, "status", "--cloud", "sim", "--output", "json");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("fleet: 3 orphaned units ($23.10/h), 2 retiring")
        .contains("orphaned: 3 units in 3 PTs of configuration 'mangaassist-2025' ($23.10/h)")
        .contains("aws.adoptFrom: [mangaassist-2025]")
        .contains("legacy: 2 units in 1 PT of this configuration");
    JsonNode fleet = Json.MAPPER.readTree(json.out()).get("fleet");
    assertThat(fleet.get("orphanedUnits").asInt()).isEqualTo(3);
    assertThat(fleet.get("orphanedHourlyUsd").asDouble()).isEqualTo(23.10, within());
    assertThat(fleet.get("retiringUnits").asInt()).isEqualTo(2);
  }

  @Test
  void healthWarnsOfOrphanedUnitsWithoutFailing() {
    CliRun clean = CliRun.run(account, "health", "--cloud", "sim");
    leaveFleets();

    CliRun warned = CliRun.run(account, "health", "--cloud", "sim");

    assertThat(clean.out().lines())
        .anyMatch(l -> l.startsWith("OK") && l.contains("orphans") && l.contains("no orphaned"));
    assertThat(warned.code()).as("orphans warn, never fail health").isZero();
    assertThat(warned.out().lines())
        .anyMatch(
            l ->
                l.startsWith("WARN")
                    && l.contains("mangaassist-2025")
                    && l.contains("orphaned: 3 units"))
        .anyMatch(l -> l.startsWith("WARN") && l.contains("legacy: 2 units"));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
