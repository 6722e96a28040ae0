package io.capacityctl.orphans;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.sim.SimHeartbeats;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where another configuration's heartbeat is read from, and what a failed read means. */
class OrphanScanTest {
  static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  static final String SONNET = "anthropic.sonnet-v1:0";
  static final CapacityConfig SHOP = TestConfig.sonnet(2).build();

  final SimHeartbeats heartbeats = new SimHeartbeats();
  private int seq;

  ProvisionedThroughput pt(String config, String stateTable) {
    Map<String, String> tags =
        new HashMap<>(ProvisionedThroughput.tagsFor(config, "unused", "sonnet", "tok"));
    tags.remove(ProvisionedThroughput.TAG_STATE_TABLE);
    if (stateTable != null) {
      tags.put(ProvisionedThroughput.TAG_STATE_TABLE, stateTable);
    }
    return new ProvisionedThroughput(
        "arn:pt" + (++seq), "pt", SONNET, 1, PtStatus.IN_SERVICE, false, NOW, tags, null);
  }

  void beat(String table, String config, Instant claimedUntil, List<String> adopts) {
    heartbeats.write(
        table, new ConfigHeartbeat(config, NOW.minusSeconds(60), claimedUntil, adopts, Map.of()));
  }

  FleetReport scan(ProvisionedThroughput... pts) {
    return new OrphanScan(SHOP, heartbeats).scan(List.of(pts), NOW);
  }

  @Test
  void theTableAPtNamesHoldsItsConfigurationsHeartbeat() {
    beat("team-web-state", "web", NOW.plusSeconds(300), List.of());

    FleetReport r = scan(pt("web", "team-web-state"));

    assertThat(r.others()).containsOnlyKeys("web");
    assertThat(r.orphaned()).isEmpty();
  }

  @Test
  void aPtBoughtBeforeTheTagIsJudgedFromASharedTableOrTheDefaultOne() {
    beat(SHOP.aws().stateTable(), "shared", NOW.plusSeconds(300), List.of());
    beat("capacityctl-own", "own", NOW.plusSeconds(300), List.of());

    FleetReport r = scan(pt("shared", null), pt("own", null), pt("nowhere", null));

    assertThat(r.others()).containsOnlyKeys("shared", "own");
    assertThat(r.orphaned()).extracting(Orphan::config).containsExactly("nowhere");
  }

  @Test
  void aStaleClaimIsOrphanedButAnotherLiveConfigurationsAdoptionClaimsIt() {
    beat("capacityctl-old", "old", NOW.minusSeconds(1), List.of());
    beat("capacityctl-gone", "gone", NOW.minusSeconds(1), List.of());
    beat("capacityctl-new", "new", NOW.plusSeconds(300), List.of("old"));

    FleetReport r =
        scan(
            pt("old", "capacityctl-old"),
            pt("gone", "capacityctl-gone"),
            pt("new", "capacityctl-new"));

    assertThat(r.others()).containsOnlyKeys("new", "old");
    assertThat(r.orphaned()).extracting(Orphan::config).containsExactly("gone");
  }

  @Test
  void aHeartbeatThatCannotBeReadMakesNothingOrphaned() {
    heartbeats.faults().failAlways("dynamodb:GetItem", Kind.ACCESS_DENIED);

    FleetReport r = scan(pt("web", "team-web-state"));

    assertThat(r.orphaned()).isEmpty();
    assertThat(r.unknown()).containsOnlyKeys("web");
    assertThat(r.heartbeatProblem()).as("its own could not be read either").isNotNull();
    assertThat(r.due()).isEmpty();
  }

  @Test
  void thisConfigurationsFirstSightingsComeFromItsOwnHeartbeat() {
    ProvisionedThroughput removed =
        new ProvisionedThroughput(
            "arn:haiku",
            "h",
            "anthropic.haiku-v1:0",
            2,
            PtStatus.IN_SERVICE,
            false,
            NOW,
            ProvisionedThroughput.tagsFor("shop", "capacityctl-shop", "haiku", "t"),
            null);
    Instant seen = NOW.minus(Duration.ofMinutes(16));
    heartbeats.write(
        SHOP.aws().stateTable(),
        new ConfigHeartbeat(
            "shop",
            NOW.minusSeconds(60),
            NOW.plusSeconds(540),
            List.of(),
            Map.of("arn:haiku", seen)));

    FleetReport r = new OrphanScan(SHOP, heartbeats).scan(List.of(removed), NOW);

    assertThat(r.due()).singleElement().satisfies(x -> assertThat(x.since()).isEqualTo(seen));
  }
}
