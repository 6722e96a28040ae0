package io.capacityctl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} + {@link LeaseManager} pair must have. Run against the
 * in-memory doubles and against DynamoDB, so the doubles other tests rely on stay honest.
 *
 * <p>{@link #leases()} may return a new manager per call (a separate process sharing the backend)
 * or the same one; two holders always race through the same backend.
 */
public abstract class StateStoreContract {
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  static final Duration TTL = Duration.ofSeconds(30);

  /** The store under test; every call in one test sees the same backend. */
  protected abstract StateStore store();

  /** A lease manager on the same backend as {@link #store()}. */
  protected abstract LeaseManager leases();

  // ---- lease

  @Test
  void aSecondHolderCannotTakeAHeldLease() {
    Lease a = leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    assertThat(leases().tryAcquire("lambda", T0.plusSeconds(10), TTL)).isEmpty();
    assertThat(leases().current(T0.plusSeconds(10))).contains(a);
  }

  @Test
  void theHolderItselfCannotTakeItTwice() {
    leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    assertThat(leases().tryAcquire("daemon", T0.plusSeconds(1), TTL)).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenOverWithANewerTokenAndTheOldHolderCannotRenew() {
    Lease a = leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    Lease b = leases().tryAcquire("lambda", T0.plus(TTL), TTL).orElseThrow();

    assertThat(b.fencingToken()).isGreaterThan(a.fencingToken());
    assertThat(b.expiresAt()).isEqualTo(T0.plus(TTL).plus(TTL));
    assertThat(leases().renew(a, T0.plus(TTL).plusSeconds(1), TTL)).isFalse();
    assertThat(leases().current(T0.plus(TTL).plusSeconds(1))).contains(b);
  }

  @Test
  void renewingExtendsTheLease() {
    Lease a = leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    assertThat(leases().renew(a, T0.plusSeconds(20), TTL)).isTrue();

    assertThat(leases().tryAcquire("lambda", T0.plusSeconds(40), TTL)).isEmpty();
    assertThat(leases().current(T0.plusSeconds(40)))
        .map(Lease::expiresAt)
        .contains(T0.plusSeconds(50));
    assertThat(leases().tryAcquire("lambda", T0.plusSeconds(50), TTL)).isPresent();
  }

  @Test
  void anExpiredLeaseHasNoCurrentHolder() {
    leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    assertThat(leases().current(T0.plus(TTL))).isEmpty();
  }

  @Test
  void releaseFreesTheLeaseAtOnceAndEndsRenewal() {
    Lease a = leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    leases().release(a);

    assertThat(leases().current(T0.plusSeconds(1))).isEmpty();
    assertThat(leases().renew(a, T0.plusSeconds(1), TTL)).isFalse();
    Lease b = leases().tryAcquire("cli", T0.plusSeconds(1), TTL).orElseThrow();
    assertThat(b.fencingToken()).isGreaterThan(a.fencingToken());
  }

  @Test
  void releasingALostLeaseLeavesTheNewHolderAlone() {
    Lease a = leases().tryAcquire("daemon", T0, TTL).orElseThrow();
    Lease b = leases().tryAcquire("lambda", T0.plus(TTL), TTL).orElseThrow();

    leases().release(a);

    assertThat(leases().current(T0.plus(TTL).plusSeconds(1))).contains(b);
  }

  @Test
  void tokensGrowWithEveryAcquisition() {
    long previous = 0;
    for (int i = 0; i < 4; i++) {
      Instant at = T0.plus(TTL.multipliedBy(i));
      Lease lease = leases().tryAcquire("holder-" + i, at, TTL).orElseThrow();
      assertThat(lease.fencingToken()).isGreaterThan(previous);
      previous = lease.fencingToken();
    }
  }

  // ---- fencing

  @Test
  void aStaleHoldersAuditWriteIsRejected() {
    Lease a = leases().tryAcquire("daemon", T0, TTL).orElseThrow();
    store().appendAudit(entry(T0, "daemon", "create-pt", a.fencingToken()));
    Lease b = leases().tryAcquire("lambda", T0.plus(TTL), TTL).orElseThrow();

    AuditEntry stale = entry(T0.plus(TTL).plusSeconds(1), "daemon", "delete-pt", a.fencingToken());
    assertThatThrownBy(() -> store().appendAudit(stale))
        .isInstanceOfSatisfying(
            StaleFencingTokenException.class,
            e -> assertThat(e.fencingToken()).isEqualTo(a.fencingToken()));

    store().appendAudit(entry(T0.plus(TTL).plusSeconds(2), "lambda", "set-ecs", b.fencingToken()));
    assertThat(store().recentAudit(10))
        .extracting(AuditEntry::kind)
        .containsExactly("create-pt", "set-ecs");
  }

  @Test
  void aTokenNoLeaseEverHadIsRejected() {
    assertThatThrownBy(() -> store().appendAudit(entry(T0, "ghost", "create-pt", 7)))
        .isInstanceOf(StaleFencingTokenException.class);
    assertThat(store().recentAudit(10)).isEmpty();
  }

  @Test
  void operatorWritesWithTokenZeroNeedNoLease() {
    leases().tryAcquire("daemon", T0, TTL).orElseThrow();

    store().appendAudit(entry(T0, "arn:aws:iam::123456789012:user/ops", "override-set", 0));

    assertThat(store().recentAudit(10))
        .extracting(AuditEntry::kind)
        .containsExactly("override-set");
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

    store().recordPurchase(p);

    assertThat(store().pendingPurchases(T0)).containsExactly(p);
    assertThat(store().pendingPurchases(p.until().minusMillis(1))).containsExactly(p);
    assertThat(store().pendingPurchases(p.until())).isEmpty();
  }

  @Test
  void recordingAPurchaseAgainKeepsTheFirstRecord() {
    PurchaseIntent first = purchase("t1", T0);
    store().recordPurchase(first);

    // The same token re-sent 5 minutes later: the abandon time still counts from the first send.
    store().recordPurchase(purchase("t1", T0.plusSeconds(300)));

    assertThat(store().pendingPurchases(T0.plusSeconds(300))).containsExactly(first);
  }

  @Test
  void aForgottenPurchaseIsNoLongerPendingAndForgettingTwiceIsHarmless() {
    store().recordPurchase(purchase("t1", T0));
    PurchaseIntent other = purchase("t2", T0);
    store().recordPurchase(other);

    store().forgetPurchase("t1");
    store().forgetPurchase("t1");
    store().forgetPurchase("never-recorded");

    assertThat(store().pendingPurchases(T0)).containsExactly(other);
  }

  @Test
  void pendingPurchasesComeOldestFirstThenInSlotOrder() {
    PurchaseIntent later = purchase("s1", T0.plusSeconds(60));
    PurchaseIntent slot10 = purchase("s10", T0);
    PurchaseIntent slot9 = purchase("s9", T0);
    store().recordPurchase(later);
    store().recordPurchase(slot10);
    store().recordPurchase(slot9);

    assertThat(store().pendingPurchases(T0.plusSeconds(60))).containsExactly(slot9, slot10, later);
  }

  static AuditEntry entry(Instant at, String actor, String kind, long token) {
    return new AuditEntry(at, actor, kind, "sonnet", "detail of " + kind, token);
  }

  static CapacityOverride override(String target, int amount, Instant from, Instant until) {
    return new CapacityOverride(target, amount, false, from, until, "launch", "ops");
  }
}
