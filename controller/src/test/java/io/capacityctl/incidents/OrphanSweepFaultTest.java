package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.incidents.Drill.Controller;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.orphans.FleetReport;
import io.capacityctl.orphans.OrphanScan;
import io.capacityctl.orphans.OrphanSweep;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.reconcile.Commands;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.sim.Trace;
import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StaleFencingTokenException;
import io.capacityctl.testing.RecordingTelemetry;
import io.capacityctl.testing.TestConfig;
import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The orphan sweep under faults, at every step of its pass: the PT list, this configuration's
 * heartbeat (read and write), the fenced audit before a deletion, the deletion itself. Whatever
 * fails, nothing but this configuration's own uncommitted PTs is ever deleted, a grace period never
 * shortens, and units left billing are counted in {@code OrphanedUnits}.
 */
class OrphanSweepFaultTest {
  private static final String HAIKU = "anthropic.haiku-v1:0";
  private static final String DELETE = AwsAction.BEDROCK_DELETE_PT.iamAction();
  private static final String LIST = AwsAction.BEDROCK_LIST_PTS.iamAction();
  private static final int WARM = 30;
  private static final int GRACE = 15;

  private static TestConfig sonnet() {
    return TestConfig.empty().model("sonnet").set("sonnet", "minUnits", 2).allDay("sonnet: 2");
  }

  /** An account that ran sonnet and haiku, now controlled by the same config without haiku. */
  private static final class Removed {
    final Drill drill;
    final Controller edited;
    final SimBedrock bedrock;
    final int removedAt;

    Removed() {
      CapacityConfig both =
          sonnet()
              .model("haiku")
              .set("haiku", "minUnits", 2)
              .clearSchedule()
              .allDay("sonnet: 2, haiku: 2")
              .build();
      Map<String, double[]> demand = new LinkedHashMap<>();
      for (String model : List.of("sonnet", "haiku")) {
        double[] d = new double[WARM + 90];
        Arrays.fill(d, 800);
        demand.put(model, d);
      }
      drill = new Drill(both, new Trace(Drill.START, WARM + 90, demand)).warmUp(WARM);
      bedrock = drill.account.cloud().bedrock();
      edited = drill.controller(sonnet().build(), "daemon:drill", true);
      removedAt = drill.now();
    }

    Minute step() {
      return drill.step(edited.passes()::reconcileOnce);
    }

    /** Steps until trace minute {@code minute} (exclusive); returns the passes. */
    List<Minute> until(int minute) {
      List<Minute> out = new ArrayList<>();
      while (drill.now() < minute) {
        out.add(step());
      }
      return out;
    }

    double orphanedUnits() {
      return drill.account.telemetry().latest(OrphanSweep.ORPHANED_UNITS, Map.of()).orElse(-1);
    }
  }

  @Test
  void aDeniedDeletionFailsThePassIsCountedOrphanedAndFailsHealthOnceOverdue() {
    Removed r = new Removed();
    r.bedrock.faults().failAlways(DELETE, Kind.ACCESS_DENIED);

    List<Minute> passes = r.until(r.removedAt + GRACE + 7);

    assertThat(r.bedrock.billedUnits(HAIKU)).isEqualTo(2);
    Minute due = passes.get(GRACE);
    assertThat(due.pass().outcome()).isEqualTo(PassReport.Outcome.FAILED);
    assertThat(due.pass().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.ACCESS_DENIED);
              assertThat(f.awsAction()).isEqualTo(DELETE);
            });
    assertThat(passes.get(GRACE - 1).pass().failures()).isEmpty();
    assertThat(r.orphanedUnits()).as("due, not deleted: nothing will remove them").isEqualTo(2);
    assertThat(r.edited.health().run().findings())
        .filteredOn(f -> f.check().equals("orphans"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(HealthFinding.Status.FAIL);
              assertThat(f.detail()).contains("haiku").contains("overdue");
            });

    r.bedrock.faults().clear(DELETE);
    Minute fixed = r.step();

    assertThat(fixed.pass().failures()).isEmpty();
    assertThat(r.bedrock.billedUnits(HAIKU)).isZero();
    assertThat(r.orphanedUnits()).isZero();
  }

  @Test
  void anUnreadableHeartbeatDeletesNothingAndRestartsNoGrace() {
    Removed r = new Removed();
    r.until(r.removedAt + GRACE);
    // At the minute the grace ends, this configuration's heartbeat cannot be read.
    r.drill.account.cloud().heartbeats().faults().failAlways("dynamodb:GetItem", Kind.THROTTLING);

    Minute blind = r.step();
    Minute blindAgain = r.step();

    assertThat(r.bedrock.billedUnits(HAIKU)).isEqualTo(2);
    assertThat(blind.pass().warnings())
        .anySatisfy(w -> assertThat(w).contains("heartbeat is unreadable").contains("nothing"));
    assertThat(blindAgain.pass().actions()).noneMatch(a -> a.startsWith("delete"));

    r.drill.account.cloud().heartbeats().faults().clear("dynamodb:GetItem");
    Minute back = r.step();

    assertThat(back.pass().actions()).filteredOn(a -> a.startsWith("delete haiku")).hasSize(2);
    assertThat(r.bedrock.billedUnits(HAIKU)).isZero();
  }

  @Test
  void aFailedPtListKeepsTheGraceClockAndDeletesNothingBlind() {
    Removed r = new Removed();
    r.until(r.removedAt + 5);
    r.bedrock.faults().failAlways(LIST, Kind.UNAVAILABLE);

    List<Minute> blind = r.until(r.removedAt + GRACE + 3);

    assertThat(blind).allSatisfy(m -> assertThat(m.pass().actions()).isEmpty());
    assertThat(r.bedrock.billedUnits(HAIKU)).isEqualTo(2);

    r.bedrock.faults().clear(LIST);
    // The failed lists opened the control-plane circuit: passes hold for its cool-down.
    List<Minute> after = r.until(r.drill.now() + 7);

    Minute first =
        after.stream().filter(m -> !m.pass().actions().isEmpty()).findFirst().orElseThrow();
    assertThat(first.pass().actions())
        .as("the first sightings were carried through the blind passes: already due")
        .filteredOn(a -> a.startsWith("delete haiku"))
        .hasSize(2);
    assertThat(r.bedrock.billedUnits(HAIKU)).isZero();
  }

  @Test
  void applyDeletesExactlyTheOrphansItShowedOrRefusesSayingWhatMoved() {
    Removed r = new Removed();
    r.until(r.removedAt + GRACE - 1);
    Reconciler passes = r.edited.passes();
    Commands early = passes.commands();
    r.drill.account.clock().advance(Duration.ofMinutes(1)); // the grace period ends meanwhile

    PassReport refused = passes.apply(early);

    assertThat(early.sweepDeletions()).isEmpty();
    assertThat(refused.outcome()).isEqualTo(PassReport.Outcome.REFUSED);
    assertThat(refused.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("moved: orphan sweep: shown no deletion, now"));
    assertThat(r.bedrock.billedUnits(HAIKU)).isEqualTo(2);

    Commands shown = passes.commands();
    assertThat(passes.dryRun(shown).actions())
        .filteredOn(a -> a.startsWith("delete haiku"))
        .hasSize(2);
    PassReport applied = passes.apply(shown);

    assertThat(shown.sweepDeletions()).hasSize(2);
    assertThat(applied.outcome()).isEqualTo(PassReport.Outcome.ACTED);
    assertThat(applied.actions()).filteredOn(a -> a.startsWith("delete haiku")).hasSize(2);
    assertThat(r.bedrock.billedUnits(HAIKU)).isZero();
  }

  @Test
  void aSweepThatStalledPastItsActingWindowDeletesNothingEvenBeforeATakeover() {
    Stalled s = new Stalled(false);
    // The pass stalled (a GC pause, a frozen container) for an hour after it took the lease and
    // listed the fleet. Nobody has taken the lease over yet, so its token is still current and
    // the table would take its audit entry: only its own monotonic clock stops the deletion.
    OrphanSweep.Result stale =
        s.sweep(
            () -> {
              if (!s.leases.holds(s.lease, LeaseManager.ACT_MARGIN)) {
                throw new StaleFencingTokenException(s.lease.fencingToken(), "window closed");
              }
            });

    s.assertDeletedNothing(stale);
  }

  @Test
  void aSweepWhoseLeaseWasTakenOverWritesNothingUnderItsOldToken() {
    Stalled s = new Stalled(true);
    // Even a process whose own clock missed the stall (no acting-window check at all): its audit
    // entry before the deletion is conditional on a token the takeover replaced, and is refused.
    OrphanSweep.Result stale = s.sweep(() -> {});

    s.assertDeletedNothing(stale);
  }

  /**
   * A pass that listed two due haiku PTs, then stalled for an hour, while another controller took
   * the lease over or not.
   */
  private static final class Stalled {
    final Removed r = new Removed();
    final LeaseManager leases = r.drill.account.leases();
    final Lease lease;
    final FleetReport due;
    final Instant late;

    Stalled(boolean takenOver) {
      r.step(); // the first sighting of the haiku PTs is recorded
      lease = leases.heldBy("daemon:drill").orElseThrow();
      Instant now = r.drill.account.clock().instant();
      late = now.plus(Duration.ofHours(1));
      due =
          new OrphanScan(sonnet().build(), r.drill.account.cloud().heartbeats())
              .scan(r.bedrock.listAll(), late);
      assertThat(due.due()).hasSize(2);
      LeaseKeeper other =
          new LeaseKeeper(r.drill.account.leaseTable(), Ticker.following(r.drill.account.clock()));
      Duration ttl = Duration.ofMinutes(3);
      assertThat(other.tryAcquire("daemon:other", now, ttl)).as("the first look watches").isEmpty();
      r.drill.account.clock().set(late);
      if (takenOver) {
        assertThat(other.tryAcquire("daemon:other", late, ttl)).as("a TTL later").isPresent();
      }
    }

    void assertDeletedNothing(OrphanSweep.Result stale) {
      assertThat(stale.actions()).isEmpty();
      assertThat(stale.failures())
          .singleElement()
          .satisfies(f -> assertThat(f.step()).isEqualTo("fencing"));
      assertThat(r.bedrock.billedUnits(HAIKU)).isEqualTo(2);
      assertThat(r.bedrock.calls(DELETE)).isZero();
    }

    OrphanSweep.Result sweep(Runnable fence) {
      return new OrphanSweep(
              sonnet().build(),
              r.bedrock,
              r.drill.account.cloud().heartbeats(),
              r.drill.account.state(),
              new RecordingTelemetry(),
              lease.holder(),
              lease.fencingToken(),
              fence,
              Duration.ofMinutes(3))
          .run(due, late);
    }
  }

  @Test
  void onlyThisConfigurationsUncommittedPtsAreEverDeleted() {
    Removed r = new Removed();
    String committed = r.bedrock.addCommitted(HAIKU, 1, haikuTags());
    String oursLate = r.bedrock.addForeign(HAIKU, 1, "ours-late", haikuTags());
    String webs =
        r.bedrock.addForeign(
            HAIKU,
            1,
            "web-haiku",
            ProvisionedThroughput.tagsFor("web", "capacityctl-web", "haiku", "t"));
    String untagged = r.bedrock.addForeign(HAIKU, 1, "hand-made", Map.of());

    List<Minute> passes = r.until(r.removedAt + GRACE + 2);

    assertThat(r.bedrock.status(committed)).isNotNull();
    assertThat(r.bedrock.status(webs)).isNotNull();
    assertThat(r.bedrock.status(untagged)).isNotNull();
    assertThat(r.bedrock.status(oursLate)).as("ours, uncommitted: retired").isNull();
    assertThat(passes.stream().flatMap(m -> m.pass().actions().stream()))
        .filteredOn(a -> a.startsWith("delete"))
        .allSatisfy(a -> assertThat(a).startsWith("delete haiku PT").contains("removed"))
        .hasSize(3);
    // web's (no controller ever claimed it) and our committed one (never deleted).
    assertThat(r.orphanedUnits()).isEqualTo(2);
  }

  private static Map<String, String> haikuTags() {
    return ProvisionedThroughput.tagsFor("shop", "capacityctl-shop", "haiku", "tok-late");
  }
}
