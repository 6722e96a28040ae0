package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Planner;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.StateStore;
import io.capacityctl.testing.ForwardingStateStore;
import io.capacityctl.testing.TestConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 1: a lease holder that stalls between its audit entry and recording its
 * purchase (a GC pause, a slow retried PutItem, a frozen container) past the lease's TTL, and a
 * controller whose wall clock runs three minutes ahead, each let a second holder plan without the
 * first one's purchase. Whatever happens, billed units never exceed the highest target planned.
 */
class StalledHolderFaultTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final int WARM = 200;

  /** 7000 tps warmed up over 200 minutes on 8 units, then 16000 tps: the controller has to buy. */
  private static Drill drill() {
    Drill d =
        new Drill(
                TestConfig.sonnet(8).ecs().build(),
                Drill.trace(WARM + 120, "sonnet", m -> m < WARM ? 7000 : 16_000))
            .warmUp(WARM);
    d.run(2); // 16000 tps seen for the escalation's 2 minutes
    d.reconciler.releaseLease();
    return d;
  }

  private static Reconciler controller(Drill d, String holder, StateStore state, Clock clock) {
    CapacityConfig c = d.account.config();
    return new Reconciler(
        new Planner(c, CapacityCalendar.of(c)),
        d.account.cloud().ports(),
        state,
        d.account.leases(),
        d.account.telemetry(),
        clock,
        holder,
        LeaseTerms.DEFAULT_TTL);
  }

  private static int target(PassReport r) {
    return r.plan() == null ? 0 : r.plan().models().get("sonnet").targetUnits();
  }

  @Test
  void aHolderStalledAfterItsAuditEntryPastTheTtlNeverBuysTwice() {
    Drill d = drill();
    SimBedrock bedrock = d.account.cloud().bedrock();
    Reconciler b = controller(d, "daemon:b", d.account.state(), d.account.clock());
    List<PassReport> byB = new ArrayList<>();
    // A stalls right after its first create-pt audit entry, before recording the purchase, for
    // five minutes; B passes every minute meanwhile and the traffic keeps being served.
    StallingState stalling =
        new StallingState(
            d.account.state(),
            e -> e.kind().equals("create-pt"),
            () -> {
              for (int i = 0; i < 5; i++) {
                byB.add(d.step(b::reconcileOnce).pass());
              }
            });
    Reconciler a = controller(d, "daemon:a", stalling, d.account.clock());

    PassReport stale = a.reconcileOnce();

    int highest = Math.max(target(stale), byB.stream().mapToInt(r -> target(r)).max().orElse(0));
    assertThat(stalling.stalled()).isTrue();
    assertThat(byB).anySatisfy(r -> assertThat(r.actions()).isNotEmpty());
    assertThat(bedrock.billedUnits(SONNET))
        .as("billed units; highest target planned %d", highest)
        .isLessThanOrEqualTo(highest);
    assertThat(stale.failures()).anySatisfy(f -> assertThat(f.step()).isEqualTo("fencing"));
  }

  @Test
  void aControllerWhoseClockRunsThreeMinutesAheadNeverTakesALiveLease() {
    Drill d = drill();
    SimBedrock bedrock = d.account.cloud().bedrock();
    Clock ahead = Clock.offset(d.account.clock(), Duration.ofMinutes(3));
    Reconciler b = controller(d, "daemon:b", d.account.state(), ahead);
    List<PassReport> byB = new ArrayList<>();
    // A pauses for a moment after its audit entry (no time passes at all): B, three minutes ahead
    // by its own clock, passes right then.
    StallingState stalling =
        new StallingState(
            d.account.state(), e -> e.kind().equals("create-pt"), () -> byB.add(b.reconcileOnce()));
    Reconciler a = controller(d, "daemon:a", stalling, d.account.clock());

    PassReport first = a.reconcileOnce();

    int highest = Math.max(target(first), target(byB.get(0)));
    assertThat(bedrock.billedUnits(SONNET))
        .as("billed units; highest target planned %d", highest)
        .isLessThanOrEqualTo(highest);
    assertThat(byB.get(0).outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD);
    assertThat(first.failures()).isEmpty();
  }

  /** A state store that runs {@code stall} once, right after the first matching audit entry. */
  private static final class StallingState extends ForwardingStateStore {
    private final java.util.function.Predicate<AuditEntry> when;
    private Runnable stall;
    private boolean stalled;

    StallingState(StateStore real, java.util.function.Predicate<AuditEntry> when, Runnable stall) {
      super(real);
      this.when = when;
      this.stall = stall;
    }

    boolean stalled() {
      return stalled;
    }

    @Override
    public void appendAudit(AuditEntry entry) {
      super.appendAudit(entry);
      if (stall != null && when.test(entry)) {
        Runnable once = stall;
        stall = null;
        stalled = true;
        once.run();
      }
    }
  }
}
