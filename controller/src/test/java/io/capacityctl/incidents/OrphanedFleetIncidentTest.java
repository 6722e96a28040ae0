package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.health.HealthReport;
import io.capacityctl.incidents.Drill.Controller;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.sim.Trace;
import io.capacityctl.testing.TestConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 5: fleets left billing with no owner. Removing a model from the configuration
 * left its PTs billed forever (9 units still billed 120 minutes later, no warning); renaming the
 * configuration bought a second fleet (7 -> 14 units) and the first was never reported. At $7.70 a
 * unit-hour, nine forgotten units cost about $50,000 a month.
 *
 * <p>Every pass now lists the PTs tagged {@code managed-by=capacityctl}: ours whose model left the
 * configuration are out of the routing table at once and deleted after the grace period; another
 * configuration's are never touched, and reported orphaned once no controller has claimed that
 * configuration for 10 minutes. A rename declared with {@code aws.adoptFrom} keeps the old fleet.
 */
class OrphanedFleetIncidentTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final String HAIKU = "anthropic.haiku-v1:0";
  private static final int WARM = 60;

  /** The default grace period of a removed model's PTs (docs/orphans.md). */
  private static final int GRACE = 15;

  /**
   * A heartbeat claims its configuration for 10 minutes after its pass: the old controller's last
   * pass ran the minute before the rename.
   */
  private static final int CLAIMED_AFTER_LAST_PASS = 10;

  /** The alarm on {@code OrphanedUnits} must be able to fire within 15 minutes of a rename. */
  private static final int REPORTED_WITHIN = 15;

  private static TestConfig sonnet(int units) {
    return TestConfig.empty()
        .model("sonnet")
        .set("sonnet", "minUnits", units)
        .allDay("sonnet: " + units);
  }

  /** Flat traffic both fleets serve well below their floors: the floors set the units. */
  private static Trace trace(int minutes) {
    Map<String, double[]> demand = new LinkedHashMap<>();
    for (String model : List.of("sonnet", "haiku")) {
      double[] d = new double[minutes];
      java.util.Arrays.fill(d, 1500);
      demand.put(model, d);
    }
    return new Trace(Drill.START, minutes, demand);
  }

  @Test
  void aRemovedModelsUnitsLeaveTheRoutesAtOnceAndAreDeletedWithinTheGracePeriod() {
    CapacityConfig both =
        sonnet(5)
            .model("haiku")
            .set("haiku", "minUnits", 4)
            .clearSchedule()
            .allDay("sonnet: 5, haiku: 4")
            .build();
    Drill d = new Drill(both, trace(WARM + 60)).warmUp(WARM);
    SimBedrock bedrock = d.account.cloud().bedrock();
    assertThat(bedrock.billedUnits(HAIKU)).isEqualTo(4);
    List<String> sonnetArns = arns(bedrock.list(SONNET));
    int sonnetCreates = bedrock.creates(SONNET);
    int sonnetDeletes = bedrock.deletes(SONNET);
    // The same configuration, edited: haiku removed; the same daemon reloads it.
    Controller edited = d.controller(sonnet(5).build(), "daemon:drill", true);
    int removed = d.now();

    List<Integer> haikuBilled = new ArrayList<>();
    List<Minute> after = new ArrayList<>();
    for (int i = 0; i <= GRACE + 5; i++) {
      after.add(d.step(edited.passes()::reconcileOnce));
      haikuBilled.add(bedrock.billedUnits(HAIKU));
      if (i == 0) {
        assertThat(d.account.cloud().routes().read().orElseThrow().models())
            .as("out of the routing table from the first pass")
            .doesNotContainKey("haiku");
      }
    }

    int gone = haikuBilled.indexOf(0);
    assertThat(gone).as("minutes until the removed model's units are deleted").isEqualTo(GRACE);
    assertThat(haikuBilled.subList(0, GRACE - 1))
        .as("kept for the grace period: a removal undone in time buys nothing again")
        .containsOnly(4);
    assertThat(after.get(0).pass().warnings())
        .anySatisfy(w -> assertThat(w).contains("haiku").contains("4 units").contains("deleted"));
    assertThat(after.get(gone).pass().actions())
        .anySatisfy(
            a ->
                assertThat(a)
                    .startsWith("delete haiku PT")
                    .contains("removed from the configuration"));
    assertThat(bedrock.creates(SONNET)).isEqualTo(sonnetCreates);
    assertThat(bedrock.deletes(SONNET)).isEqualTo(sonnetDeletes);
    assertThat(arns(bedrock.list(SONNET))).containsExactlyInAnyOrderElementsOf(sonnetArns);
    assertThat(after).allSatisfy(m -> assertThat(m.pass().failures()).isEmpty());
    assertThat(d.account.telemetry().latest("OrphanedUnits", Map.of())).hasValue(0);
  }

  @Test
  void aRenameWithoutAdoptFromBillsTwoFleetsButTheOldOneIsReportedOrphanedWithinFifteenMinutes() {
    Drill d = new Drill(sonnet(7).build(), trace(WARM + 60)).warmUp(WARM);
    SimBedrock bedrock = d.account.cloud().bedrock();
    List<String> oldFleet = arns(bedrock.list(SONNET));
    assertThat(bedrock.billedUnits(SONNET)).isEqualTo(7);
    // The configuration renamed: a new controller, its own table, nothing declared.
    Controller renamed = d.controller(sonnet(7).name("shop-v2").build(), "daemon:v2", false);
    int renamedAt = d.now();

    Integer reported = null;
    HealthReport health = null;
    for (int i = 0; i < 20; i++) {
      Minute m = d.step(renamed.passes()::reconcileOnce);
      double orphaned = d.account.telemetry().latest("OrphanedUnits", Map.of()).orElse(0);
      boolean warned = m.pass().warnings().stream().anyMatch(w -> w.contains("orphaned"));
      if (reported == null && orphaned > 0 && warned) {
        reported = m.minute() - renamedAt;
        assertThat(orphaned).isEqualTo(7);
        health = renamed.health().run();
      }
    }

    assertThat(bedrock.billedUnits(SONNET))
        .as("without adoptFrom the new name cannot know the old fleet: it buys its own")
        .isEqualTo(14);
    assertThat(reported)
        .as("minutes from the rename until 'orphaned' is warned and OrphanedUnits > 0")
        .isEqualTo(CLAIMED_AFTER_LAST_PASS - 1)
        .isLessThanOrEqualTo(REPORTED_WITHIN);
    assertThat(health.findings())
        .filteredOn(f -> f.check().equals("orphans"))
        .anySatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(HealthFinding.Status.WARN);
              assertThat(f.detail())
                  .contains("orphaned")
                  .contains("7 units")
                  .contains("$53.90/h")
                  .contains("shop");
            });
    assertThat(arns(bedrock.list(SONNET)))
        .as("another configuration's PTs are never touched, orphaned or not")
        .containsAll(oldFleet);
  }

  @Test
  void aRenameWithAdoptFromKeepsTheOldFleetAndBillsOne() {
    Drill d = new Drill(sonnet(7).build(), trace(WARM + 60)).warmUp(WARM);
    SimBedrock bedrock = d.account.cloud().bedrock();
    List<String> oldFleet = arns(bedrock.list(SONNET));
    int creates = bedrock.creates(SONNET);
    Controller renamed =
        d.controller(
            sonnet(7).name("shop-v2").aws("adoptFrom", "[shop]").build(), "daemon:v2", false);

    List<Minute> after = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      after.add(d.step(renamed.passes()::reconcileOnce));
      assertThat(bedrock.billedUnits(SONNET)).as("billed at minute %d", i).isEqualTo(7);
    }

    assertThat(bedrock.creates(SONNET)).isEqualTo(creates);
    assertThat(arns(bedrock.list(SONNET))).containsExactlyInAnyOrderElementsOf(oldFleet);
    assertThat(renamed.routes().read().orElseThrow().models().get("sonnet").routes())
        .extracting(r -> r.arn())
        .containsExactlyInAnyOrderElementsOf(oldFleet);
    assertThat(after)
        .allSatisfy(
            m -> {
              assertThat(m.pass().failures()).isEmpty();
              assertThat(m.pass().warnings()).noneMatch(w -> w.contains("orphaned"));
            });
    assertThat(d.account.telemetry().latest("OrphanedUnits", Map.of())).hasValue(0);
    assertThat(renamed.health().run().findings())
        .filteredOn(f -> f.check().equals("orphans"))
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(HealthFinding.Status.OK));
  }

  @Test
  void anotherConfigurationsLiveFleetIsNeverTouchedNorReportedAndIsOnceItsControllerStops() {
    Drill d = new Drill(sonnet(5).build(), trace(WARM + 120)).warmUp(WARM);
    SimBedrock bedrock = d.account.cloud().bedrock();
    // A second team's configuration on the same account and model, with its own table and routes.
    Controller web = d.controller(sonnet(3).name("web").build(), "daemon:web", false);
    List<Minute> both = new ArrayList<>();
    List<PassReport> webPasses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      both.add(
          d.step(
              () -> {
                webPasses.add(web.passes().reconcileOnce());
                return d.reconciler.reconcileOnce();
              }));
    }
    List<String> webFleet =
        bedrock.list(SONNET).stream()
            .filter(pt -> "web".equals(pt.configTag()))
            .map(ProvisionedThroughput::arn)
            .toList();
    assertThat(webFleet).hasSize(3);
    assertThat(bedrock.billedUnits(SONNET)).isEqualTo(8);
    assertThat(both)
        .allSatisfy(
            m -> {
              assertThat(m.pass().failures()).isEmpty();
              assertThat(m.pass().actions()).noneMatch(a -> a.startsWith("delete"));
              assertThat(m.pass().warnings()).noneMatch(w -> w.contains("orphaned"));
            });
    assertThat(webPasses)
        .allSatisfy(p -> assertThat(p.warnings()).noneMatch(w -> w.contains("orphaned")));
    assertThat(d.account.telemetry().latest("OrphanedUnits", Map.of())).hasValue(0);
    assertThat(d.controller(d.account.config(), "daemon:drill", true).health().run().findings())
        .filteredOn(f -> f.check().equals("orphans"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(HealthFinding.Status.OK);
              assertThat(f.detail()).contains("3 PTs of other configurations, all claimed");
            });

    // The second team's controller stops: its fleet keeps billing, now with no owner.
    int stopped = d.now();
    Integer reported = null;
    for (int i = 0; i < 30; i++) {
      Minute m = d.step();
      if (reported == null
          && m.pass().warnings().stream()
              .anyMatch(w -> w.contains("orphaned") && w.contains("'web'"))) {
        reported = m.minute() - stopped;
      }
    }

    assertThat(reported)
        .isEqualTo(CLAIMED_AFTER_LAST_PASS - 1)
        .isLessThanOrEqualTo(REPORTED_WITHIN);
    assertThat(d.account.telemetry().latest("OrphanedUnits", Map.of())).hasValue(3);
    assertThat(bedrock.list(SONNET).stream().map(ProvisionedThroughput::arn))
        .as("orphaned is reported, never deleted")
        .containsAll(webFleet);
  }

  private static List<String> arns(List<ProvisionedThroughput> pts) {
    return pts.stream().map(ProvisionedThroughput::arn).toList();
  }
}
