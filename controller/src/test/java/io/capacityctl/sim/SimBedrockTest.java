package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated Bedrock PT control plane keeps the real contract. */
class SimBedrockTest {
  private static final String MODEL = "anthropic.sonnet";
  private final FakeClock clock = new FakeClock(Instant.parse("2027-01-06T00:00:00Z"));
  private final SimBedrock bedrock =
      new SimBedrock(clock, Map.of(MODEL, Duration.ofMinutes(15)), Map.of(MODEL, 10));

  private static CreatePtRequest request(String name, int units, String token) {
    return new CreatePtRequest(name, MODEL, units, token, Map.of("managed-by", "capacityctl"));
  }

  @Test
  void aNewPtIsCreatingUntilTheProvisioningTimeHasPassed() {
    ProvisionedThroughput pt = bedrock.create(request("a", 2, "t1"));

    assertThat(pt.status()).isEqualTo(PtStatus.CREATING);
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(bedrock.status(pt.arn())).isEqualTo(PtStatus.CREATING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(bedrock.status(pt.arn())).isEqualTo(PtStatus.IN_SERVICE);
  }

  @Test
  void theSameTokenReturnsTheFirstPurchase() {
    ProvisionedThroughput first = bedrock.create(request("a", 2, "t1"));
    ProvisionedThroughput again = bedrock.create(request("a", 2, "t1"));

    assertThat(again.arn()).isEqualTo(first.arn());
    assertThat(bedrock.creates(MODEL)).isEqualTo(1);
    assertThat(bedrock.billedUnits(MODEL)).isEqualTo(2);
  }

  @Test
  void aNameInUseWithAnotherTokenIsAConflict() {
    bedrock.create(request("a", 2, "t1"));

    assertThatThrownBy(() -> bedrock.create(request("a", 2, "t2")))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT));
  }

  @Test
  void unitsBeyondTheQuotaAreRefusedWithServiceQuotaExceeded() {
    bedrock.create(request("a", 8, "t1"));

    assertThatThrownBy(() -> bedrock.create(request("b", 3, "t2")))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CloudException.Kind.QUOTA_EXCEEDED);
              assertThat(e.action()).isEqualTo("bedrock:CreateProvisionedModelThroughput");
            });
    assertThat(bedrock.create(request("c", 2, "t3")).modelUnits()).isEqualTo(2); // exactly 10
  }

  @Test
  void deletionIsImmediateAndStopsBilling() {
    ProvisionedThroughput pt = bedrock.create(request("a", 3, "t1"));

    bedrock.delete(pt.arn());

    assertThat(bedrock.status(pt.arn())).isNull();
    assertThat(bedrock.billedUnits(MODEL)).isZero();
    assertThat(bedrock.list(MODEL)).isEmpty();
    assertThatThrownBy(() -> bedrock.delete(pt.arn()))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND));
  }

  @Test
  void theUnitsBilledFollowEveryPtThatExistsThroughPurchasesDeletionsAndARestore() {
    SimBedrock two =
        new SimBedrock(
            clock,
            Map.of(MODEL, Duration.ofMinutes(15), "anthropic.haiku", Duration.ofMinutes(5)),
            Map.of());
    String a = two.create(request("a", 3, "t1")).arn();
    two.create(new CreatePtRequest("h", "anthropic.haiku", 2, "t2", Map.of()));
    two.addCommitted(MODEL, 4);
    two.addForeign(MODEL, 5, "theirs", Map.of());
    assertThat(two.billedUnits(MODEL)).isEqualTo(12);

    two.delete(a);
    assertThat(two.billedUnits(MODEL)).isEqualTo(9);
    assertThat(two.billedUnits("anthropic.haiku")).isEqualTo(2);
    assertThat(two.billedUnits("anthropic.other")).isZero();

    SimBedrock.Saved saved = two.save();
    two.create(request("b", 1, "t3"));
    two.restore(saved);
    assertThat(two.billedUnits(MODEL)).as("as saved, the purchase after it gone").isEqualTo(9);
    bedrock.restore(saved);
    assertThat(bedrock.billedUnits(MODEL)).as("another instance, restored").isEqualTo(9);
  }

  @Test
  void aListedPtShowsEveryChangeMadeToItSinceTheLastList() {
    ProvisionedThroughput creating = bedrock.create(request("a", 2, "t1"));
    String arn = creating.arn();
    assertThat(bedrock.list(MODEL)).containsExactly(creating);
    clock.advance(Duration.ofMinutes(5));

    bedrock.completeCreations(); // in service now, created a provisioning time ago
    ProvisionedThroughput ready = bedrock.list(MODEL).get(0);
    assertThat(ready.status()).isEqualTo(PtStatus.IN_SERVICE);
    assertThat(ready.createdAt()).isEqualTo(creating.createdAt().minus(Duration.ofMinutes(10)));

    bedrock.fail(arn, "InternalFailure");
    assertThat(bedrock.list(MODEL).get(0).failureMessage()).isEqualTo("InternalFailure");
    bedrock.fail(arn, "capacity unavailable");
    assertThat(bedrock.list(MODEL).get(0))
        .satisfies(
            pt -> {
              assertThat(pt.status()).isEqualTo(PtStatus.FAILED);
              assertThat(pt.failureMessage()).isEqualTo("capacity unavailable");
            });

    String other = bedrock.create(request("b", 1, "t2")).arn();
    bedrock.delayCreation(other, clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(20));
    assertThat(bedrock.status(other)).isEqualTo(PtStatus.CREATING);

    // Failed while creating, and listed so; the warm start then moves its creation time back.
    bedrock.fail(other, "InternalFailure");
    Instant created = bedrock.list(MODEL).get(1).createdAt();
    bedrock.completeCreations();
    assertThat(bedrock.list(MODEL).get(1).createdAt())
        .isEqualTo(created.minus(Duration.ofMinutes(40)));
  }

  @Test
  void aCommittedPtCannotBeDeleted() {
    String arn = bedrock.addCommitted(MODEL, 4);

    assertThatThrownBy(() -> bedrock.delete(arn))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT));
    assertThat(bedrock.status(arn)).isEqualTo(PtStatus.IN_SERVICE);
  }

  @Test
  void injectedFaultsFailTheNamedActionTheGivenNumberOfTimes() {
    bedrock
        .faults()
        .failNext("bedrock:ListProvisionedModelThroughputs", CloudException.Kind.THROTTLING, 1);

    assertThatThrownBy(() -> bedrock.list(MODEL))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.THROTTLING));
    assertThat(bedrock.list(MODEL)).isEmpty();
  }
}
