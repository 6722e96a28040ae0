package io.capacityctl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.testing.FakeTicker;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} + {@link LeaseTable} pair must have. Run against the
 * in-memory doubles and against DynamoDB, so the doubles other tests rely on stay honest.
 *
 * <p>The lease rules are each process's own ({@link LeaseKeeper}): every holder here is a separate
 * process with its own monotonic clock ({@link FakeTicker}) over the shared table, and its wall
 * clock (the {@code now} passed) is deliberately unrelated to the others'.
 */
public abstract class StateStoreContract {
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  static final Duration TTL = Duration.ofSeconds(90);
  static final Duration MARGIN = Duration.ofSeconds(60);

  /** The store under test; every call in one test sees the same backend. */
  protected abstract StateStore store();

  /** The lease item on the same backend as {@link #store()}. */
  protected abstract LeaseTable leaseTable();

  private final FakeTicker daemonClock = new FakeTicker(5_000_000_000L);
  private final FakeTicker lambdaClock = new FakeTicker(-77_000_000_000L);

  /** One process on the backend, keeping time by {@code clock}. */
  private LeaseKeeper process(FakeTicker clock) {
    return new LeaseKeeper(leaseTable(), clock);
  }

  /** Real time passing: every process's monotonic clock moves by {@code d}. */
  private void elapse(Duration d) {
    daemonClock.advance(d);
    lambdaClock.advance(d);
  }

  // ---- lease

  @Test
  void aFreeLeaseIsTakenAtOnceAndASecondHolderCannotTakeIt() {
    LeaseKeeper daemon = process(daemonClock);
    LeaseKeeper lambda = process(lambdaClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();

    elapse(Duration.ofSeconds(10));
    assertThat(lambda.tryAcquire("lambda", T0.plusSeconds(10), TTL)).isEmpty();
    assertThat(lambda.current(T0.plusSeconds(10))).contains(a);
    assertThat(a.fencingToken()).isPositive();
  }

  @Test
  void theHolderRenewsItsOwnLeaseWithTheSameToken() {
    LeaseKeeper daemon = process(daemonClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();

    elapse(Duration.ofSeconds(20));
    Lease again = daemon.tryAcquire("daemon", T0.plusSeconds(20), TTL).orElseThrow();

    assertThat(again.fencingToken()).isEqualTo(a.fencingToken());
    assertThat(again.expiresAt()).isEqualTo(T0.plusSeconds(20).plus(TTL));
    // A restarted graph of the same process (a new keeper) renews it too, same token.
    assertThat(process(daemonClock).tryAcquire("daemon", T0.plusSeconds(21), TTL))
        .map(Lease::fencingToken)
        .contains(a.fencingToken());
  }

  @Test
  void aContenderTakesOverOnlyAfterWatchingTheLeaseUnchangedForAWholeTtl() {
    LeaseKeeper daemon = process(daemonClock);
    LeaseKeeper lambda = process(lambdaClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();
    elapse(Duration.ofHours(1)); // the daemon died long ago: the lambda has never looked yet

    assertThat(lambda.tryAcquire("lambda", T0, TTL)).as("first look").isEmpty();
    elapse(TTL.minusNanos(1));
    assertThat(lambda.tryAcquire("lambda", T0, TTL)).as("a nanosecond short").isEmpty();
    elapse(Duration.ofNanos(1));
    Lease b = lambda.tryAcquire("lambda", T0, TTL).orElseThrow();

    assertThat(b.fencingToken()).isGreaterThan(a.fencingToken());
    assertThat(daemon.renew(a, T0, TTL)).isFalse();
    assertThat(daemon.holds(a, MARGIN)).isFalse();
    assertThat(lambda.holds(b, MARGIN)).isTrue();
    assertThat(daemon.current(T0.plusSeconds(1))).contains(b);
  }

  @Test
  void aRenewalRestartsTheContendersWatch() {
    LeaseKeeper daemon = process(daemonClock);
    LeaseKeeper lambda = process(lambdaClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();
    assertThat(lambda.tryAcquire("lambda", T0, TTL)).isEmpty();

    elapse(Duration.ofSeconds(60));
    assertThat(daemon.renew(a, T0.plusSeconds(60), TTL)).isTrue();
    elapse(Duration.ofSeconds(30)); // a whole TTL since the lambda's first look
    assertThat(lambda.tryAcquire("lambda", T0, TTL)).as("new revision: watch again").isEmpty();
    elapse(TTL.minusSeconds(1));
    assertThat(lambda.tryAcquire("lambda", T0, TTL)).isEmpty();
    elapse(Duration.ofSeconds(1));

    assertThat(lambda.tryAcquire("lambda", T0, TTL)).isPresent();
  }

  @Test
  void wallClocksSkewedByHoursInEitherDirectionOpenNoWindow() {
    LeaseKeeper daemon = process(daemonClock);
    LeaseKeeper lambda = process(lambdaClock);
    daemon.tryAcquire("daemon", T0, TTL).orElseThrow();
    Instant ahead = T0.plus(Duration.ofHours(5));
    Instant behind = T0.minus(Duration.ofHours(5));

    for (int i = 0; i < 5; i++) {
      elapse(TTL.dividedBy(6));
      assertThat(lambda.tryAcquire("lambda", i % 2 == 0 ? ahead : behind, TTL)).isEmpty();
    }
  }

  @Test
  void theHolderActsOnlyUntilTtlLessTheMarginAfterItSentItsAcquire() {
    LeaseKeeper daemon = process(daemonClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();

    elapse(TTL.minus(MARGIN).minusNanos(1));
    assertThat(daemon.holds(a, MARGIN)).isTrue();
    elapse(Duration.ofNanos(1));
    assertThat(daemon.holds(a, MARGIN)).isFalse();
    // Renewing opens a new window from the renewal.
    assertThat(daemon.renew(a, T0, TTL)).isTrue();
    assertThat(daemon.holds(a, MARGIN)).isTrue();
    // Another process never acts under a lease it did not take or renew.
    assertThat(process(lambdaClock).holds(a, MARGIN)).isFalse();
  }

  @Test
  void releaseFreesTheLeaseAtOnceAndEndsRenewal() {
    LeaseKeeper daemon = process(daemonClock);
    LeaseKeeper cli = process(lambdaClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();

    daemon.release(a);

    assertThat(daemon.current(T0.plusSeconds(1))).isEmpty();
    assertThat(daemon.renew(a, T0.plusSeconds(1), TTL)).isFalse();
    assertThat(daemon.holds(a, MARGIN)).isFalse();
    Lease b = cli.tryAcquire("cli", T0.plusSeconds(1), TTL).orElseThrow();
    assertThat(b.fencingToken()).isGreaterThan(a.fencingToken());
  }

  @Test
  void releasingALostLeaseLeavesTheNewHolderAlone() {
    LeaseKeeper daemon = process(daemonClock);
    LeaseKeeper lambda = process(lambdaClock);
    Lease a = daemon.tryAcquire("daemon", T0, TTL).orElseThrow();
    lambda.tryAcquire("lambda", T0, TTL);
    elapse(TTL);
    Lease b = lambda.tryAcquire("lambda", T0.plus(TTL), TTL).orElseThrow();

    daemon.release(a);

    assertThat(lambda.heldBy("lambda")).contains(b);
    assertThat(daemon.heldBy("daemon")).isEmpty();
  }

  @Test
  void tokensGrowWithEveryAcquisition() {
    long previous = 0;
    for (int i = 0; i < 4; i++) {
      LeaseKeeper p = process(new FakeTicker(i * 1_000_000L));
      Lease lease = p.tryAcquire("holder-" + i, T0, TTL).orElseThrow();
      assertThat(lease.fencingToken()).isGreaterThan(previous);
      previous = lease.fencingToken();
      p.release(lease);
    }
  }

  @Test
  void whenTwoContendersTakeTheSameRevisionOnlyOneGetsIt() {
    LeaseItem free = leaseTable().read();

    assertThat(leaseTable().take(free, "a", TTL, T0)).isPresent();
    assertThat(leaseTable().take(free, "b", TTL, T0)).isEmpty();
    assertThat(leaseTable().read().holder()).isEqualTo("a");
  }

  // ---- fencing

  /** A lease taken by {@code holder}: its token. */
  private long held(String holder) {
    return process(new FakeTicker(0)).tryAcquire(holder, T0, TTL).orElseThrow().fencingToken();
  }

  /** Another holder takes the lease over (the first one released it): the first token is stale. */
  private long takenOver(String by) {
    LeaseItem now = leaseTable().read();
    leaseTable().release(now.holder(), now.fencingToken());
    return held(by);
  }

  @Test
  void aStaleHoldersAuditWriteIsRejected() {
    long a = held("daemon");
    store().appendAudit(entry(T0, "daemon", "create-pt", a));
    long b = takenOver("lambda");

    AuditEntry stale = entry(T0.plus(TTL).plusSeconds(1), "daemon", "delete-pt", a);
    assertThatThrownBy(() -> store().appendAudit(stale))
        .isInstanceOfSatisfying(
            StaleFencingTokenException.class, e -> assertThat(e.fencingToken()).isEqualTo(a));

    store().appendAudit(entry(T0.plus(TTL).plusSeconds(2), "lambda", "set-ecs", b));
    assertThat(store().recentAudit(10))
        .extracting(AuditEntry::kind)
        .containsExactly("create-pt", "set-ecs");
  }

  @Test
  void aTokenNoLeaseEverHadIsRejected() {
    assertThatThrownBy(() -> store().appendAudit(entry(T0, "ghost", "create-pt", 7)))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThatThrownBy(() -> store().recordPurchase(purchase("t1", T0), 7))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThat(store().recentAudit(10)).isEmpty();
    assertThat(store().pendingPurchases(T0)).isEmpty();
  }

  @Test
  void operatorAuditEntriesWithTokenZeroNeedNoLeaseButAPassesWritesDo() {
    held("daemon");

    store().appendAudit(entry(T0, "arn:aws:iam::123456789012:user/ops", "override-set", 0));

    assertThat(store().recentAudit(10))
        .extracting(AuditEntry::kind)
        .containsExactly("override-set");
    assertThatThrownBy(() -> store().recordPurchase(purchase("t1", T0), 0))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThatThrownBy(() -> store().saveCircuit(CircuitState.CLOSED, 0))
        .isInstanceOf(StaleFencingTokenException.class);
  }

  @Test
  void aStaleHoldersPurchaseIsNotRecordedNorForgotten() {
    long a = held("daemon");
    store().recordPurchase(purchase("t1", T0), a);
    long b = takenOver("lambda");

    assertThatThrownBy(() -> store().recordPurchase(purchase("t2", T0), a))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThatThrownBy(() -> store().forgetPurchase("t1", a))
        .isInstanceOf(StaleFencingTokenException.class);

    // The new holder finds the old holder's record, and only that: its anchor against buying twice.
    assertThat(store().pendingPurchases(T0))
        .extracting(PurchaseIntent::clientRequestToken)
        .containsExactly("t1");
    store().forgetPurchase("t1", b);
    assertThat(store().pendingPurchases(T0)).isEmpty();
  }

  @Test
  void theCircuitIsClosedAtFirstAndKeptOnlyUnderTheLease() {
    assertThat(store().circuit()).isEqualTo(CircuitState.CLOSED);
    long a = held("lambda:1");
    CircuitState open = new CircuitState(3, T0.plusSeconds(180));

    store().saveCircuit(open, a);
    assertThat(store().circuit()).isEqualTo(open);

    takenOver("lambda:2");
    assertThatThrownBy(() -> store().saveCircuit(CircuitState.CLOSED, a))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThat(store().circuit()).isEqualTo(open);
  }

  // ---- audit

  @Test
  void auditIsReturnedOldestToNewestWithTiesInAppendOrder() {
    AuditEntry first = entry(T0, "daemon", "first", 0);
    AuditEntry second = entry(T0, "daemon", "second", 0);
    AuditEntry third = entry(T0.plusMillis(1), "daemon", "third", 0);
    AuditEntry fourth = entry(T0.plusSeconds(60), "daemon", "fourth", 0);

    store().appendAudit(first);
    store().appendAudit(second);
    store().appendAudit(third);
    store().appendAudit(fourth);

    assertThat(store().recentAudit(10)).containsExactly(first, second, third, fourth);
    assertThat(store().recentAudit(2)).containsExactly(third, fourth);
    assertThat(store().recentAudit(0)).isEmpty();
  }

  @Test
  void auditEntriesRoundTripEveryField() {
    AuditEntry e =
        new AuditEntry(
            T0.plusNanos(123_456_789),
            "arn:aws:sts::1:assumed-role/x",
            "create-pt",
            "sonnet",
            "units=5 token=abc",
            0);

    store().appendAudit(e);

    assertThat(store().recentAudit(1)).containsExactly(e);
  }

  // ---- overrides

  @Test
  void anOverrideIsInForceFromCreationUntilExpiry() {
    CapacityOverride o = override("sonnet", 8, T0, T0.plusSeconds(3600));
    store().putOverride(o);

    assertThat(store().activeOverrides(T0.minusSeconds(1))).isEmpty();
    assertThat(store().activeOverrides(T0)).containsExactly(o);
    assertThat(store().activeOverrides(T0.plusSeconds(3599))).containsExactly(o);
    assertThat(store().activeOverrides(T0.plusSeconds(3600))).isEmpty();
  }

  @Test
  void puttingAnOverrideReplacesTheTargetsPreviousOne() {
    store().putOverride(override("sonnet", 8, T0, T0.plusSeconds(3600)));
    CapacityOverride pause =
        new CapacityOverride("sonnet", 0, true, T0, T0.plusSeconds(600), "freeze", "ops");
    CapacityOverride ecs = override(CapacityOverride.ECS, 30, T0, T0.plusSeconds(600));

    store().putOverride(pause);
    store().putOverride(ecs);

    assertThat(store().activeOverrides(T0.plusSeconds(1))).containsExactlyInAnyOrder(pause, ecs);
  }

  @Test
  void clearingReportsWhetherThereWasAnOverride() {
    store().putOverride(override("haiku", 3, T0, T0.plusSeconds(60)));

    assertThat(store().clearOverride("haiku")).isTrue();
    assertThat(store().clearOverride("haiku")).isFalse();
    assertThat(store().activeOverrides(T0)).isEmpty();
  }

  // ---- events

  @Test
  void eventsAreAddedReplacedByNameAndRemoved() {
    EventSpec release =
        new EventSpec(
            "final-chapter",
            null,
            OffsetDateTime.parse("2025-03-10T00:00+09:00"),
            Duration.ofHours(6),
            5.0,
            Duration.ofHours(4),
            Set.of("sonnet", "haiku"));
    EventSpec weekly =
        new EventSpec(
            "weekly",
            "0 0 0 ? * MON",
            null,
            Duration.ofHours(3),
            3.0,
            Duration.ofHours(2),
            Set.of());
    store().putEvent(release);
    store().putEvent(weekly);
    EventSpec bigger =
        new EventSpec(
            "weekly",
            "0 0 0 ? * MON",
            null,
            Duration.ofHours(3),
            3.5,
            Duration.ofHours(4),
            Set.of("sonnet"));

    store().putEvent(bigger);

    assertThat(store().extraEvents()).containsExactlyInAnyOrder(release, bigger);
    assertThat(store().removeEvent("final-chapter")).isTrue();
    assertThat(store().removeEvent("final-chapter")).isFalse();
    assertThat(store().extraEvents()).containsExactly(bigger);
  }

  // ---- known PT ARNs

  static final String A1 = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a1";
  static final String A2 = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a2";
  static final String A3 = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a3";
  static final Duration KEEP = Duration.ofDays(8);

  @Test
  void nothingRememberedIsNothingKnown() {
    store().rememberArns("sonnet", List.of(), T0, KEEP);

    assertThat(store().knownArns("sonnet", T0)).isEmpty();
  }

  @Test
  void rememberedArnsAreKnownForTheKeepTimeThenForgotten() {
    store().rememberArns("sonnet", List.of(A1, A2), T0, KEEP);

    assertThat(store().knownArns("sonnet", T0)).containsExactlyInAnyOrder(A1, A2);
    assertThat(store().knownArns("sonnet", T0.plus(KEEP).minusMillis(1)))
        .containsExactlyInAnyOrder(A1, A2);
    assertThat(store().knownArns("sonnet", T0.plus(KEEP))).isEmpty();
  }

  @Test
  void aLaterSightingExtendsAnArnAndArnsNoLongerListedStayKnown() {
    store().rememberArns("sonnet", List.of(A1, A2), T0, KEEP);
    Instant dayLater = T0.plus(Duration.ofDays(1));

    store().rememberArns("sonnet", List.of(A2, A3), dayLater, KEEP);

    assertThat(store().knownArns("sonnet", dayLater)).containsExactlyInAnyOrder(A1, A2, A3);
    assertThat(store().knownArns("sonnet", T0.plus(KEEP))).containsExactlyInAnyOrder(A2, A3);
  }

  @Test
  void anArnForgottenOnceExpiredIsNotBroughtBackByOtherSightings() {
    store().rememberArns("sonnet", List.of(A1), T0, KEEP);

    store().rememberArns("sonnet", List.of(A2), T0.plus(KEEP).plusSeconds(60), KEEP);

    assertThat(store().knownArns("sonnet", T0.plus(KEEP).plusSeconds(60))).containsExactly(A2);
  }

  @Test
  void modelsKeepTheirOwnArns() {
    store().rememberArns("sonnet", List.of(A1), T0, KEEP);
    store().rememberArns("haiku", List.of(A2), T0, KEEP);

    assertThat(store().knownArns("sonnet", T0)).containsExactly(A1);
    assertThat(store().knownArns("haiku", T0)).containsExactly(A2);
  }

  // ---- purchases sent, not yet listed

  static PurchaseIntent purchase(String token, Instant at) {
    return new PurchaseIntent(
        "sonnet", "capacityctl-shop-sonnet-" + token, 2, token, at, at.plus(Duration.ofHours(1)));
  }

  @Test
  void aRecordedPurchaseIsPendingWithEveryFieldUntilItIsAbandoned() {
    PurchaseIntent p = purchase("t1", T0);

    store().recordPurchase(p, held("daemon"));

    assertThat(store().pendingPurchases(T0)).containsExactly(p);
    assertThat(store().pendingPurchases(p.until().minusMillis(1))).containsExactly(p);
    assertThat(store().pendingPurchases(p.until())).isEmpty();
  }

  @Test
  void recordingAPurchaseAgainKeepsTheFirstRecord() {
    long t = held("daemon");
    PurchaseIntent first = purchase("t1", T0);
    store().recordPurchase(first, t);

    // The same token re-sent 5 minutes later: the abandon time still counts from the first send.
    store().recordPurchase(purchase("t1", T0.plusSeconds(300)), t);

    assertThat(store().pendingPurchases(T0.plusSeconds(300))).containsExactly(first);
  }

  @Test
  void aForgottenPurchaseIsNoLongerPendingAndForgettingTwiceIsHarmless() {
    long t = held("daemon");
    store().recordPurchase(purchase("t1", T0), t);
    PurchaseIntent other = purchase("t2", T0);
    store().recordPurchase(other, t);

    store().forgetPurchase("t1", t);
    store().forgetPurchase("t1", t);
    store().forgetPurchase("never-recorded", t);

    assertThat(store().pendingPurchases(T0)).containsExactly(other);
  }

  @Test
  void pendingPurchasesComeOldestFirstThenInSlotOrder() {
    long t = held("daemon");
    PurchaseIntent later = purchase("s1", T0.plusSeconds(60));
    PurchaseIntent slot10 = purchase("s10", T0);
    PurchaseIntent slot9 = purchase("s9", T0);
    store().recordPurchase(later, t);
    store().recordPurchase(slot10, t);
    store().recordPurchase(slot9, t);

    assertThat(store().pendingPurchases(T0.plusSeconds(60))).containsExactly(slot9, slot10, later);
  }

  // ---- creations (the provisioning time learned)

  static Creation creating(String model, String arn, Instant createdAt) {
    return Creation.watched(
        model, "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/" + arn, 2, createdAt);
  }

  @Test
  void nothingRecordedIsNoCreation() {
    assertThat(store().creations()).isEmpty();
  }

  @Test
  void aListOfCreationsReadNeverChangesAndTheNextReadHasEveryChange() {
    long t = held("daemon");
    Creation a = creating("sonnet", "a", T0);
    store().recordCreation(a, t);
    List<Creation> read = store().creations();

    Creation b = creating("haiku", "b", T0.plusSeconds(60));
    store().recordCreation(b, t);
    store().recordCreation(a.inServiceBy(T0.plusSeconds(15 * 60)), t);

    assertThat(read).containsExactly(a);
    assertThatThrownBy(() -> read.add(b)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(store().creations()).containsExactly(a.inServiceBy(T0.plusSeconds(15 * 60)), b);
    store().dropCreation("haiku", b.arn(), t);
    assertThat(store().creations()).containsExactly(a.inServiceBy(T0.plusSeconds(15 * 60)));
  }

  @Test
  void aWatchedCreationIsDoneOnceAndItsFirstDoneRecordStands() {
    long t = held("daemon");
    Creation c = creating("sonnet", "a", T0);
    store().recordCreation(c, t);
    assertThat(store().creations()).containsExactly(c);

    // Watched again by a later pass (or a restarted controller): nothing changes.
    store().recordCreation(creating("sonnet", "a", T0.plusSeconds(1)), t);
    assertThat(store().creations()).containsExactly(c);

    Creation done = c.inServiceBy(T0.plusSeconds(14 * 60));
    store().recordCreation(done, t);
    // Seen InService again by a later pass, or watched again: the first done record stands.
    store().recordCreation(c.inServiceBy(T0.plusSeconds(15 * 60)), t);
    store().recordCreation(c, t);

    assertThat(store().creations()).containsExactly(done);
    assertThat(store().creations().get(0).provisioning()).isEqualTo(Duration.ofMinutes(14));
  }

  @Test
  void aCreationSeenInServiceAtOnceIsRecordedDone() {
    Creation done = creating("sonnet", "a", T0).inServiceBy(T0.plusSeconds(600));

    store().recordCreation(done, held("daemon"));

    assertThat(store().creations()).containsExactly(done);
  }

  @Test
  void droppingForgetsOnlyAWatchedCreation() {
    long t = held("daemon");
    Creation watched = creating("sonnet", "a", T0);
    Creation done = creating("sonnet", "b", T0.plusSeconds(1)).inServiceBy(T0.plusSeconds(900));
    store().recordCreation(watched, t);
    store().recordCreation(done, t);

    store().dropCreation("sonnet", watched.arn(), t);
    store().dropCreation("sonnet", done.arn(), t);
    store().dropCreation("sonnet", "arn:never-recorded", t);

    assertThat(store().creations()).containsExactly(done);
  }

  @Test
  void theNewestDoneCreationsOfEachModelAreKeptAndWatchedOnesAreNeverDropped() {
    long t = held("daemon");
    int n = Creation.KEPT_PER_MODEL + 3;
    Creation watched = creating("sonnet", "watched", T0);
    store().recordCreation(watched, t);
    Creation haiku = creating("haiku", "h", T0).inServiceBy(T0.plusSeconds(60));
    store().recordCreation(haiku, t);
    for (int i = 0; i < n; i++) {
      Instant at = T0.plus(Duration.ofHours(i + 1));
      store().recordCreation(creating("sonnet", "s" + i, at).inServiceBy(at.plusSeconds(900)), t);
    }

    List<Creation> kept = store().creations();

    assertThat(kept).contains(watched, haiku);
    assertThat(kept)
        .filteredOn(c -> c.model().equals("sonnet") && c.done())
        .hasSize(Creation.KEPT_PER_MODEL)
        .extracting(Creation::createdAt)
        .isSorted()
        .startsWith(T0.plus(Duration.ofHours(n - Creation.KEPT_PER_MODEL + 1)));
  }

  @Test
  void aStaleHoldersCreationIsNotRecordedNorDropped() {
    long a = held("daemon");
    Creation watched = creating("sonnet", "a", T0);
    store().recordCreation(watched, a);
    long b = takenOver("lambda");

    assertThatThrownBy(() -> store().recordCreation(watched.inServiceBy(T0.plusSeconds(60)), a))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThatThrownBy(() -> store().recordCreation(creating("sonnet", "b", T0), a))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThatThrownBy(() -> store().dropCreation("sonnet", watched.arn(), a))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThat(store().creations()).containsExactly(watched);

    Creation done = watched.inServiceBy(T0.plusSeconds(900));
    store().recordCreation(done, b);
    assertThat(store().creations()).containsExactly(done);
  }

  static AuditEntry entry(Instant at, String actor, String kind, long token) {
    return new AuditEntry(at, actor, kind, "sonnet", "detail of " + kind, token);
  }

  static CapacityOverride override(String target, int amount, Instant from, Instant until) {
    return new CapacityOverride(target, amount, false, from, until, "launch", "ops");
  }
}
