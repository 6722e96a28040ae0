package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.planner.Planner;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.state.Creation;
import io.capacityctl.state.StateStore;
import io.capacityctl.testing.ForwardingStateStore;
import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The provisioning time learned from the passes' own PT lists: one record per creation, whatever
 * passes, restarts and lease takeovers happen in between; nothing learned from a PT that never went
 * InService or was never seen being created; a failure to record never stops a pass.
 */
class CreationWatchTest {
  private final SimFixture sim = new SimFixture(TestConfig.sonnet(5).build());

  private Instant minute(int m) {
    return SimFixture.START.plus(Duration.ofMinutes(m));
  }

  @Test
  void eachCreationIsRecordedOnceFromTheFirstPassThatSeesItInService() {
    sim.at(0).pass(); // buys: the PTs are listed from the next pass on
    assertThat(sim.state.creations()).isEmpty();
    sim.at(1).pass();
    assertThat(sim.state.creations()).hasSize(5).noneMatch(Creation::done);

    for (int m = 2; m <= 30; m++) {
      sim.at(m).pass();
    }

    List<Creation> learned = sim.state.creations();
    assertThat(learned).hasSize(5).allMatch(Creation::done);
    assertThat(learned)
        .extracting(Creation::arn)
        .containsExactlyInAnyOrderElementsOf(
            sim.pts("sonnet").stream().map(ProvisionedThroughput::arn).toList());
    // The simulator provisions in PT15M; the pass at minute 15 is the first to list them InService.
    assertThat(learned).allMatch(c -> c.inServiceBy().equals(minute(15)));
    assertThat(learned).allMatch(c -> c.provisioning().equals(Duration.ofMinutes(15)));
    assertThat(learned).allMatch(c -> c.model().equals("sonnet") && c.units() == 1);
  }

  @Test
  void aRestartAndALeaseTakeoverRecordNothingTwice() {
    sim.at(0).pass();
    // The process restarts: a new reconciler, same holder name, same table.
    sim.reconciler("test").reconcileOnce();
    sim.at(5).pass();
    sim.reconciler.releaseLease();

    // Another controller takes the lease over and is the one that sees them InService.
    Reconciler daemon = sim.reconciler("daemon");
    for (int m = 6; m <= 16; m++) {
      sim.at(m);
      daemon.reconcileOnce();
    }
    assertThat(sim.state.creations()).hasSize(5).allMatch(Creation::done);
    // The first controller comes back: the lease is held, it records nothing.
    assertThat(sim.at(17).pass().outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD);
    daemon.releaseLease();
    sim.at(18).pass();

    assertThat(sim.state.creations()).hasSize(5).allMatch(c -> c.inServiceBy().equals(minute(15)));
  }

  @Test
  void aStaleHoldersObservationIsRefusedAndNamedNotThrown() {
    sim.at(0).pass();
    long stale = token();
    sim.reconciler.releaseLease();
    sim.at(1);
    Reconciler daemon = sim.reconciler("daemon");
    daemon.reconcileOnce(); // takes the lease over with a new token
    Snapshot inService = observe(15); // the old holder woke up and saw them InService

    List<String> warnings = new CreationWatch(sim.state).record(inService, minute(15), stale);

    assertThat(warnings).singleElement().asString().startsWith("provisioning time not learned");
    assertThat(sim.state.creations()).hasSize(5).noneMatch(Creation::done);
    daemon.reconcileOnce();
    assertThat(sim.state.creations()).hasSize(5).allMatch(c -> c.inServiceBy().equals(minute(15)));
  }

  private Snapshot observe(int m) {
    sim.at(m);
    return new Observer(
            sim.config,
            sim.cloud.ports(),
            sim.state,
            new Planner(sim.config, CapacityCalendar.of(sim.config)).historyWindow())
        .observe(minute(m));
  }

  @Test
  void aPtDeletedWhileCreatingRecordsNothing() {
    sim.at(0).pass();
    String gone = sim.pts("sonnet").get(0).arn();
    sim.cloud.bedrock().delete(gone);
    sim.at(3).pass(); // no longer listed: dropped (and a replacement bought)

    for (int m = 4; m <= 30; m++) {
      sim.at(m).pass();
    }

    assertThat(sim.state.creations()).extracting(Creation::arn).doesNotContain(gone);
    assertThat(sim.state.creations()).hasSize(5).allMatch(Creation::done);
    assertThat(sim.state.creations())
        .filteredOn(c -> c.createdAt().equals(minute(3)))
        .singleElement()
        .satisfies(c -> assertThat(c.provisioning()).isEqualTo(Duration.ofMinutes(15)));
  }

  @Test
  void aFailedCreationRecordsNothing() {
    sim.at(0).pass();
    String failed = sim.pts("sonnet").get(0).arn();
    sim.cloud.bedrock().fail(failed, "InternalFailure");

    for (int m = 1; m <= 30; m++) {
      sim.at(m).pass();
    }

    assertThat(sim.state.creations()).extracting(Creation::arn).doesNotContain(failed);
  }

  @Test
  void aPtStuckInCreatingStaysWatchedAndIsNeverCountedDone() {
    sim.at(0).pass();
    String stuck = sim.pts("sonnet").get(0).arn();
    sim.cloud.bedrock().delayCreation(stuck, SimFixture.START.plus(Duration.ofDays(1)));

    for (int m = 1; m <= 60; m++) {
      sim.at(m).pass();
    }

    assertThat(sim.state.creations())
        .filteredOn(c -> c.arn().equals(stuck))
        .singleElement()
        .satisfies(c -> assertThat(c.done()).isFalse());
    assertThat(sim.state.creations()).filteredOn(Creation::done).hasSize(4);
  }

  @Test
  void aPtBoughtAndInServiceBetweenTwoPassesIsRecordedByItsPurchaseBoundedByThePassThatSawIt() {
    sim.at(0).pass(); // buys: the purchase records are kept until their PT is listed
    // The next pass comes 20 minutes later (a Lambda throttled, a daemon paused): InService by
    // then.
    sim.state.creations().forEach(c -> sim.state.dropCreation("sonnet", c.arn(), token()));

    sim.at(20).pass();

    assertThat(sim.state.creations())
        .hasSize(5)
        .allMatch(c -> c.inServiceBy().equals(minute(20)))
        .allMatch(c -> c.provisioning().equals(Duration.ofMinutes(20)));
  }

  @Test
  void aPtAlreadyInServiceWhenFirstSeenTeachesNothing() {
    sim.ownPt("sonnet", 5); // bought by an earlier controller, before anything watched it

    sim.at(30).pass();

    assertThat(sim.state.creations()).isEmpty();
  }

  @Test
  void aStoreThatCannotRecordIsAWarningAndThePassStillActs() {
    StateStore failing =
        new ForwardingStateStore(sim.state) {
          @Override
          public void recordCreation(Creation creation, long fencingToken) {
            throw new CloudException(
                CloudException.Kind.THROTTLING, "dynamodb:TransactWriteItems", "Rate exceeded");
          }
        };
    Reconciler reconciler =
        new Reconciler(
            new Planner(sim.config, CapacityCalendar.of(sim.config)),
            sim.cloud.ports(),
            failing,
            sim.leases,
            sim.telemetry,
            sim.cloud.clock(),
            "test",
            Duration.ofMinutes(5));

    assertThat(reconciler.reconcileOnce().outcome()).isEqualTo(PassReport.Outcome.ACTED);
    sim.at(1);
    PassReport report = reconciler.reconcileOnce();

    assertThat(report.outcome()).isEqualTo(PassReport.Outcome.NO_CHANGE);
    assertThat(report.failures()).isEmpty();
    assertThat(sim.pts("sonnet")).hasSize(5);
    assertThat(report.warnings())
        .anyMatch(
            w ->
                w.startsWith("provisioning time not learned this pass")
                    && w.contains("THROTTLING"));
  }

  @Test
  void aRecordWrittenBetweenPassesIsSeenByTheNextPassNotAnOldIndex() {
    sim.at(0).pass();
    sim.at(1).pass(); // watches the five: the reconciler's watch has indexed them
    // Another process (the Lambda, a restart) forgets them and watches one again by hand: the store
    // answers a new list, and the next pass of this same reconciler must index that one.
    String again = sim.pts("sonnet").get(0).arn();
    sim.state.creations().forEach(c -> sim.state.dropCreation("sonnet", c.arn(), token()));
    sim.state.recordCreation(Creation.watched("sonnet", again, 1, minute(0)), token());

    sim.at(15).pass(); // lists it InService

    assertThat(sim.state.creations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.arn()).isEqualTo(again);
              assertThat(c.inServiceBy()).isEqualTo(minute(15));
            });
  }

  @Test
  void aWatchedRecordIsFinishedByArnWhateverModelsPoolListsItInService() {
    // Nothing watched of the pool's own model and no purchase listed: the in-service PTs are still
    // looked up, since the watched record is found by its ARN.
    sim.at(0).pass();
    sim.at(1).pass();
    String arn = sim.pts("sonnet").get(0).arn();
    sim.state.creations().forEach(c -> sim.state.dropCreation("sonnet", c.arn(), token()));
    sim.state.recordCreation(Creation.watched("elsewhere", arn, 1, minute(0)), token());

    List<String> warnings = new CreationWatch(sim.state).record(observe(15), minute(15), token());

    assertThat(warnings).isEmpty();
    assertThat(sim.state.creations())
        .singleElement()
        .satisfies(c -> assertThat(c.inServiceBy()).isEqualTo(minute(15)));
  }

  private long token() {
    return sim.leases.heldBy("test").orElseThrow().fencingToken();
  }
}
