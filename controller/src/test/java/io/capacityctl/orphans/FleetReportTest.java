package io.capacityctl.orphans;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one pass sorts the account's PTs: what is counted, retired, reported, left alone. */
class FleetReportTest {
  static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  static final String SONNET = "anthropic.sonnet-v1:0";
  static final String HAIKU = "anthropic.haiku-v1:0";
  static final CapacityConfig SHOP = TestConfig.sonnet(2).build();

  private int seq;

  ProvisionedThroughput pt(String modelId, int units, boolean committed, Map<String, String> tags) {
    return new ProvisionedThroughput(
        "arn:pt" + (++seq),
        "pt" + seq,
        modelId,
        units,
        PtStatus.IN_SERVICE,
        committed,
        NOW.minus(Duration.ofDays(1)),
        tags,
        null);
  }

  static Map<String, String> tags(String config, String model) {
    return ProvisionedThroughput.tagsFor(config, "capacityctl-" + config, model, "tok");
  }

  static FleetReport sort(List<ProvisionedThroughput> fleet, Map<String, Liveness> liveness) {
    return FleetReport.classify(SHOP, fleet, liveness, null, null, NOW);
  }

  @Test
  void ptsAModelCountsAndPtsNotBoughtByCapacityctlAreNoneOfTheSweepsBusiness() {
    FleetReport r =
        sort(
            List.of(
                pt(SONNET, 2, false, tags("shop", "sonnet")),
                pt(SONNET, 3, false, Map.of("team", "search")),
                pt(HAIKU, 4, true, Map.of())),
            Map.of());

    assertThat(r.retiring()).isEmpty();
    assertThat(r.orphaned()).isEmpty();
    assertThat(r.others()).isEmpty();
    assertThat(r.groups(SHOP)).isEmpty();
  }

  @Test
  void oursWhoseModelLeftTheConfigurationRetireFromTheirFirstSightingForTheGrace() {
    ProvisionedThroughput haiku = pt(HAIKU, 4, false, tags("shop", "haiku"));
    ProvisionedThroughput renamedKey = pt(SONNET, 1, false, tags("shop", "sonnet-old"));
    ProvisionedThroughput oldModelId =
        pt("anthropic.sonnet-v0:9", 1, false, tags("shop", "sonnet"));
    Instant firstSeen = NOW.minus(Duration.ofMinutes(20));
    ConfigHeartbeat previous =
        new ConfigHeartbeat(
            "shop",
            NOW.minusSeconds(60),
            NOW.plusSeconds(540),
            List.of(),
            Map.of(haiku.arn(), firstSeen));

    FleetReport r =
        FleetReport.classify(
            SHOP, List.of(haiku, renamedKey, oldModelId), Map.of(), previous, null, NOW);

    assertThat(r.retiring())
        .extracting(Retiring::pt)
        .containsExactly(haiku, renamedKey, oldModelId);
    Retiring h = r.retiring().get(0);
    assertThat(h.since()).isEqualTo(firstSeen);
    assertThat(h.deleteAt()).isEqualTo(firstSeen.plus(Duration.ofMinutes(15)));
    assertThat(h.dueAt(NOW)).isTrue();
    assertThat(r.retiring().get(1).since()).isEqualTo(NOW);
    assertThat(r.due()).containsExactly(h);
    assertThat(r.retiringUnits()).isEqualTo(6);
    assertThat(r.warnings(SHOP))
        .anySatisfy(w -> assertThat(w).startsWith("haiku: 4 units").contains("removed"))
        .anySatisfy(
            w -> assertThat(w).startsWith("sonnet: 1 unit").contains("now names " + SONNET));
    // Priced at this configuration's unit price when it has the model, else its highest.
    assertThat(h.hourlyUsd()).isEqualTo(4 * 7.70);
  }

  @Test
  void theGraceIsNeverShorterThanTheDrainTime() {
    CapacityConfig slowDrain =
        TestConfig.sonnet(2).policy("drainTime", "PT30M").aws("removedModelGrace", "PT5M").build();

    assertThat(FleetReport.delay(slowDrain)).isEqualTo(Duration.ofMinutes(30));
    assertThat(FleetReport.delay(SHOP)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void ourCommittedPtNoModelClaimsIsOrphanedNeverRetired() {
    ProvisionedThroughput committed = pt(HAIKU, 2, true, tags("shop", "haiku"));

    FleetReport r = sort(List.of(committed), Map.of());

    assertThat(r.retiring()).isEmpty();
    assertThat(r.orphaned())
        .singleElement()
        .satisfies(o -> assertThat(o.why()).contains("committed"));
    assertThat(r.orphanedUnits()).isEqualTo(2);
  }

  @Test
  void anotherConfigurationsFleetIsLeftAloneWhileClaimedAndOrphanedOnceNot() {
    List<ProvisionedThroughput> web = List.of(pt(SONNET, 3, false, tags("web", "sonnet")));
    List<ProvisionedThroughput> old = List.of(pt(SONNET, 7, false, tags("old", "sonnet")));
    Map<String, Liveness> liveness = new HashMap<>();
    liveness.put("web", new Liveness(NOW.plusSeconds(1), null, null));
    liveness.put("old", new Liveness(NOW, null, null)); // its claim ended just now

    FleetReport r = sort(List.of(web.get(0), old.get(0)), liveness);

    assertThat(r.others()).containsOnlyKeys("web");
    assertThat(r.retiring()).isEmpty();
    assertThat(r.orphaned()).extracting(Orphan::config).containsExactly("old");
    assertThat(r.orphanedUnits()).isEqualTo(7);
    assertThat(r.orphanedHourlyUsd()).isEqualTo(7 * 7.70);
    assertThat(r.warnings(SHOP))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .startsWith("orphaned: 7 units in 1 PT of configuration 'old' ($53.90/h)")
                    .contains("since " + NOW)
                    .contains("aws.adoptFrom: [old]"));
  }

  @Test
  void aConfigurationWithoutAnyHeartbeatIsOrphanedAndOneAnotherAdoptsIsNot() {
    ProvisionedThroughput never = pt(SONNET, 1, false, tags("never", "sonnet"));
    ProvisionedThroughput adopted = pt(SONNET, 1, false, tags("adopted", "sonnet"));

    FleetReport r =
        sort(
            List.of(never, adopted),
            Map.of(
                "never",
                new Liveness(null, null, null),
                "adopted",
                new Liveness(NOW.minusSeconds(3600), "shop-v2", null)));

    assertThat(r.orphaned())
        .singleElement()
        .satisfies(o -> assertThat(o.why()).contains("no heartbeat"));
    assertThat(r.others()).containsOnlyKeys("adopted");
  }

  @Test
  void aConfigurationWhoseHeartbeatCannotBeReadIsNeitherTouchedNorReportedOrphaned() {
    ProvisionedThroughput web = pt(SONNET, 3, false, tags("web", "sonnet"));

    FleetReport r =
        sort(List.of(web), Map.of("web", new Liveness(null, null, "AccessDenied on GetItem")));

    assertThat(r.orphaned()).isEmpty();
    assertThat(r.retiring()).isEmpty();
    assertThat(r.unknown()).containsEntry("web", "AccessDenied on GetItem");
    assertThat(r.warnings(SHOP))
        .singleElement()
        .satisfies(
            w -> assertThat(w).contains("cannot tell").contains("web").contains("AccessDenied"));
  }

  @Test
  void anAdoptedNamesPtsAreOursModelByModel() {
    CapacityConfig renamed =
        TestConfig.sonnet(2).name("shop-v2").aws("adoptFrom", "[shop]").build();
    ProvisionedThroughput counted = pt(SONNET, 2, false, tags("shop", "sonnet"));
    ProvisionedThroughput retired = pt(HAIKU, 1, false, tags("shop", "haiku"));

    FleetReport r =
        FleetReport.classify(renamed, List.of(counted, retired), Map.of(), null, null, NOW);

    assertThat(r.retiring()).extracting(Retiring::pt).containsExactly(retired);
    assertThat(r.orphaned()).isEmpty();
  }

  @Test
  void aManagedPtWithoutAConfigurationTagIsOrphaned() {
    ProvisionedThroughput odd = pt(SONNET, 1, false, Map.of("managed-by", "capacityctl"));

    assertThat(sort(List.of(odd), Map.of()).orphaned())
        .singleElement()
        .satisfies(o -> assertThat(o.why()).contains("without capacityctl:config"));
  }

  @Test
  void aPassWhoseListFailedSortsNothing() {
    FleetReport r = FleetReport.unlisted(null, null, NOW);

    assertThat(r.listed()).isFalse();
    assertThat(r.due()).isEmpty();
    assertThat(r.orphanedUnits()).isZero();
  }
}
