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
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix rows where a purchase's retry runs in a later minute than the purchase while
 * ListProvisionedModelThroughputs does not show the PT yet: a lost answer, a process killed right
 * after (or right before) the call, and a list that lags every purchase. Each asserts exactly one
 * purchase per unit wanted: the retry sends the recorded request with its first token.
 */
class PurchaseRetryAcrossMinutesFaultTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final int WARM = 200;
  private static final String RESENT = "sent again with its first token";

  /** 7000 tps warmed up over 200 minutes, then 16000 tps: the controller has to buy 9 units. */
  private static Drill drill() {
    return new Drill(
            TestConfig.sonnet(8).ecs().build(),
            Drill.trace(WARM + 120, "sonnet", m -> m < WARM ? 7000 : 16_000))
        .warmUp(WARM);
  }

  private static SimBedrock bedrock(Drill d) {
    return d.account.cloud().bedrock();
  }

  /** The highest target any pass planned. */
  private static int wanted(List<Minute> minutes) {
    return minutes.stream()
        .map(Minute::pass)
        .filter(p -> p != null && p.plan() != null)
        .mapToInt(p -> p.plan().models().get("sonnet").targetUnits())
        .max()
        .orElseThrow();
  }

  private static boolean resent(Minute m) {
    return m.pass() != null && m.pass().actions().stream().anyMatch(a -> a.contains(RESENT));
  }

  /** Every minute a new Lambda invocation: a fresh process and lease holder, same state table. */
  private static Supplier<PassReport> lambda(Drill d) {
    return () -> SimAccounts.reconciler(d.account, "lambda:reconcile:" + d.now()).reconcileOnce();
  }

  @Test
  void aListThatHidesEveryNewPtForSixMinutesNeverCausesASecondPurchase() {
    Drill d = drill();
    bedrock(d).delayListing(Duration.ofMinutes(6));
    int creates = bedrock(d).creates(SONNET);
    int billed = bedrock(d).billedUnits(SONNET);
    int deletes = bedrock(d).deletes(SONNET);

    List<Minute> minutes = d.run(40);

    // The passes while purchases were unlisted re-sent them instead of buying new ones.
    assertThat(minutes).anyMatch(PurchaseRetryAcrossMinutesFaultTest::resent);
    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(wanted(minutes));
    assertThat(bedrock(d).creates(SONNET) - creates)
        .isEqualTo(bedrock(d).billedUnits(SONNET) - billed);
    assertThat(bedrock(d).deletes(SONNET)).isEqualTo(deletes);
    // Every purchase was listed in the end, and its record forgotten.
    assertThat(d.account.state().pendingPurchases(d.account.clock().instant())).isEmpty();
    assertThat(d.last().served().get("sonnet").throttled()).isZero();
  }

  @Test
  void aLostAnswerIsRetriedInTheNextMinutesWithTheSameTokenAndBuysOnce() {
    Drill d = drill();
    bedrock(d).delayListing(Duration.ofMinutes(4));
    bedrock(d).faults().loseAnswerNext(CREATE, 1);
    int creates = bedrock(d).creates(SONNET);
    int billed = bedrock(d).billedUnits(SONNET);

    List<Minute> minutes = d.run(30);

    Minute lost =
        minutes.stream().filter(m -> !m.pass().failures().isEmpty()).findFirst().orElseThrow();
    assertThat(lost.pass().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE);
              assertThat(f.awsAction()).isEqualTo(CREATE);
            });
    // The retry in the next minute, the PT still unlisted, re-sent the lost purchase.
    Minute retry = minutes.get(minutes.indexOf(lost) + 1);
    assertThat(retry.pass().failures()).isEmpty();
    assertThat(resent(retry)).as(retry.pass().actions().toString()).isTrue();
    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(wanted(minutes));
    assertThat(bedrock(d).creates(SONNET) - creates)
        .isEqualTo(bedrock(d).billedUnits(SONNET) - billed);
  }

  @Test
  void aProcessKilledRightAfterThePurchaseIsRetriedMinutesLaterByAnotherAndBuysOnce() {
    Drill d = drill();
    d.reconciler.releaseLease();
    bedrock(d).delayListing(Duration.ofMinutes(6));
    Killing bedrock = new Killing(bedrock(d), true);
    Reconciler doomed = d.controller("lambda:reconcile:doomed", bedrock);
    int creates = bedrock(d).creates(SONNET);
    int billed = bedrock(d).billedUnits(SONNET);

    List<Minute> minutes = new ArrayList<>();
    while (bedrock.killed == null) {
      minutes.add(d.step(() -> passOrKilled(doomed)));
    }
    int crash = d.last().minute();
    for (int i = 0; i < 25; i++) {
      minutes.add(d.step(lambda(d)));
    }

    // The dead holder's lease runs out first (3 minutes), then the next invocation acts; the
    // purchase it died after is still unlisted then, and is sent again, not bought again.
    List<Minute> after = d.since(crash + 1);
    assertThat(after.subList(0, 2))
        .allSatisfy(
            m -> assertThat(m.pass().outcome()).isEqualTo(PassReport.Outcome.SKIPPED_LEASE_HELD));
    Minute retry =
        after.stream()
            .filter(m -> m.pass().outcome() != PassReport.Outcome.SKIPPED_LEASE_HELD)
            .findFirst()
            .orElseThrow();
    assertThat(retry.minute() - crash).isBetween(3, 4);
    assertThat(retry.pass().actions())
        .filteredOn(a -> a.contains(RESENT))
        .anySatisfy(a -> assertThat(a).contains(bedrock.killed.name()));
    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(wanted(minutes));
    assertThat(bedrock(d).creates(SONNET) - creates)
        .isEqualTo(bedrock(d).billedUnits(SONNET) - billed);
    assertThat(bedrock(d).list(SONNET))
        .extracting(ProvisionedThroughput::purchaseToken)
        .containsOnlyOnce(bedrock.killed.clientRequestToken());
  }

  @Test
  void aPurchaseRecordedButNeverSentIsBoughtOnceByTheRetryWithItsRecordedToken() {
    Drill d = drill();
    d.reconciler.releaseLease();
    Killing bedrock = new Killing(bedrock(d), false);
    Reconciler doomed = d.controller("lambda:reconcile:doomed", bedrock);
    int creates = bedrock(d).creates(SONNET);
    int billed = bedrock(d).billedUnits(SONNET);

    List<Minute> minutes = new ArrayList<>();
    while (bedrock.killed == null) {
      minutes.add(d.step(() -> passOrKilled(doomed)));
    }
    assertThat(bedrock(d).creates(SONNET)).isEqualTo(creates); // died before the call
    for (int i = 0; i < 25; i++) {
      minutes.add(d.step(lambda(d)));
    }

    assertThat(bedrock(d).billedUnits(SONNET)).isEqualTo(wanted(minutes));
    assertThat(bedrock(d).creates(SONNET) - creates)
        .isEqualTo(bedrock(d).billedUnits(SONNET) - billed);
    assertThat(bedrock(d).list(SONNET))
        .extracting(ProvisionedThroughput::purchaseToken)
        .containsOnlyOnce(bedrock.killed.clientRequestToken());
  }

  /** The pass, or null when the process died in it (what a killed Lambda leaves: nothing). */
  private static PassReport passOrKilled(Reconciler r) {
    try {
      return r.reconcileOnce();
    } catch (ProcessKilled e) {
      return null;
    }
  }

  /** The process running the pass dies: no catch block, no finally that reports, no release. */
  private static final class ProcessKilled extends RuntimeException {
    ProcessKilled() {
      super("process killed");
    }
  }

  /** Bedrock whose first purchase kills the calling process, after or before the call. */
  private static final class Killing implements ProvisionedThroughputApi {
    private final SimBedrock real;
    private final boolean afterTheCall;
    CreatePtRequest killed;

    Killing(SimBedrock real, boolean afterTheCall) {
      this.real = real;
      this.afterTheCall = afterTheCall;
    }

    @Override
    public List<ProvisionedThroughput> listAll() {
      return real.listAll();
    }

    @Override
    public ProvisionedThroughput create(CreatePtRequest request) {
      if (killed != null) {
        return real.create(request);
      }
      killed = Objects.requireNonNull(request);
      if (afterTheCall) {
        real.create(request);
      }
      throw new ProcessKilled();
    }

    @Override
    public void delete(String arn) {
      real.delete(arn);
    }
  }
}
