package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.TestConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix rows about who acts and when a purchase is recorded: two passes at once, a lease
 * holder that freezes mid-pass, and a crash between CreateProvisionedModelThroughput and the pass
 * learning its result. In every one nothing is bought twice.
 */
class LeaseAndRetryFaultTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final int WARM = 200;

  /** 7000 tps warmed up over 200 minutes, then 16000 tps: the controller has to buy. */
  private static Drill drill() {
    return new Drill(
            TestConfig.sonnet(8).ecs().build(),
            Drill.trace(WARM + 120, "sonnet", m -> m < WARM ? 7000 : 16_000))
        .warmUp(WARM);
  }

  /** Bedrock that runs {@code after} once, right after the next successful purchase. */
  private static final class Interrupting implements ProvisionedThroughputApi {
    private final SimBedrock real;
    private Consumer<ProvisionedThroughput> after;
    private final Set<String> hidden = new HashSet<>();

    Interrupting(SimBedrock real) {
      this.real = real;
    }

    @Override
    public List<ProvisionedThroughput> listAll() {
      return real.listAll().stream().filter(p -> !hidden.contains(p.arn())).toList();
    }

    @Override
    public ProvisionedThroughput create(CreatePtRequest request) {
      ProvisionedThroughput pt = real.create(request);
      Consumer<ProvisionedThroughput> once = after;
      after = null;
      if (once != null) {
        once.accept(pt);
      }
      return pt;
    }

    @Override
    public void delete(String arn) {
      real.delete(arn);
    }
  }

  private static int wanted(List<Minute> minutes) {
    return minutes.stream()
        .mapToInt(m -> m.pass().plan().models().get("sonnet").targetUnits())
        .max()
        .orElseThrow();
  }

  @Test
  void twoPassesAtOnceShareOneLeaseAndBuyOnce() throws Exception {
    Drill d = drill();
    Reconciler other = SimAccounts.reconciler(d.account, "lambda:other");
    int creates = d.account.cloud().bedrock().creates(SONNET);
    int billed = d.account.cloud().bedrock().billedUnits(SONNET);
    List<PassReport> skipped = new ArrayList<>();

    List<Minute> raced = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      CyclicBarrier start = new CyclicBarrier(2);
      raced.add(
          d.step(
              () -> {
                CompletableFuture<PassReport> a =
                    CompletableFuture.supplyAsync(() -> race(start, d.reconciler));
                CompletableFuture<PassReport> b =
                    CompletableFuture.supplyAsync(() -> race(start, other));
                PassReport ra = a.join();
                PassReport rb = b.join();
                PassReport acted = ra.outcome() == PassReport.Outcome.SKIPPED_LEASE_HELD ? rb : ra;
                skipped.add(acted == ra ? rb : ra);
                return acted;
              }));
    }

    assertThat(skipped)
        .hasSize(30)
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD));
    assertThat(raced).allSatisfy(m -> assertThat(m.pass().plan()).isNotNull());
    SimBedrock bedrock = d.account.cloud().bedrock();
    assertThat(bedrock.billedUnits(SONNET)).isEqualTo(wanted(raced));
    assertThat(bedrock.creates(SONNET) - creates).isEqualTo(bedrock.billedUnits(SONNET) - billed);
  }

  private static PassReport race(CyclicBarrier start, Reconciler r) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return r.reconcileOnce();
  }

  @Test
  void aHolderFrozenMidPassLosesTheLeaseAndItsStaleTokenIsRefused() {
    Drill d = drill();
    SimBedrock real = d.account.cloud().bedrock();
    Interrupting frozen = new Interrupting(real);
    Reconciler a = d.controller("daemon:a", frozen);
    Reconciler b = SimAccounts.reconciler(d.account, "daemon:b");
    d.run(2); // 16000 tps seen for the escalation's 2 minutes (the drill's own holder passes)
    d.reconciler.releaseLease();
    List<PassReport> takeover = new ArrayList<>();
    // A freezes right after its first purchase, past the lease's TTL; B, which has watched the
    // lease since just before, takes it over meanwhile.
    frozen.after =
        pt -> {
          takeover.add(b.reconcileOnce()); // B's first look: skipped, it starts watching
          d.account.clock().advance(LeaseTerms.DEFAULT_TTL.plusMinutes(1));
          takeover.add(b.reconcileOnce());
        };

    PassReport stale = a.reconcileOnce();

    assertThat(takeover.get(0).outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD);
    PassReport byB = takeover.get(1);
    assertThat(byB.outcome()).isNotEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD);
    assertThat(byB.fencingToken()).isGreaterThan(stale.fencingToken());
    assertThat(stale.failures())
        .anySatisfy(
            f -> {
              assertThat(f.step()).isEqualTo("fencing");
              assertThat(f.message()).contains("token");
            });
    assertThat(stale.actions()).hasSize(1); // its one purchase before the freeze, nothing after
    // B counted A's purchase as coming: together they bought exactly B's target.
    assertThat(real.billedUnits(SONNET)).isEqualTo(byB.plan().models().get("sonnet").targetUnits());
    assertThat(a.reconcileOnce().outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD);
  }

  @Test
  void aCrashAfterThePurchaseIsRetriedWithTheSameTokenAndBuysNothingTwice() {
    Drill d = drill();
    SimBedrock real = d.account.cloud().bedrock();
    Interrupting lossy = new Interrupting(real);
    Reconciler r = d.controller("lambda:reconcile", lossy);
    d.run(2);
    d.reconciler.releaseLease();
    List<String> lost = new ArrayList<>();
    // The purchase goes through, the answer never arrives, and the list does not show it yet.
    lossy.after =
        pt -> {
          lost.add(pt.arn());
          lossy.hidden.add(pt.arn());
          throw new CloudException(CloudException.Kind.UNAVAILABLE, CREATE, "connection reset");
        };
    int creates = real.creates(SONNET);

    PassReport crashed = r.reconcileOnce();
    PassReport retried = r.reconcileOnce(); // the retry, in the same minute

    assertThat(crashed.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE);
              assertThat(f.awsAction()).isEqualTo(CREATE);
            });
    assertThat(retried.failures()).isEmpty();
    int target = retried.plan().models().get("sonnet").targetUnits();
    assertThat(retried.actions()).anyMatch(x -> x.startsWith("create sonnet PT"));
    // The retry re-sent the lost purchase's token: the same PT, not a second one.
    lossy.hidden.clear();
    assertThat(real.billedUnits(SONNET)).isEqualTo(target);
    assertThat(real.list(SONNET)).extracting(ProvisionedThroughput::arn).contains(lost.get(0));
    assertThat(real.creates(SONNET) - creates)
        .isEqualTo(
            retried.plan().models().get("sonnet").targetUnits()
                - crashed.plan().models().get("sonnet").currentUnits());
  }
}
