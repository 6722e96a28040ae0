package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Over random listing lags, lost answers, block sizes and load changes, capacityctl never owns more
 * units than some pass wanted: a purchase whose PT the list does not show yet, or whose answer was
 * lost, is sent again with its first token in later minutes, never bought a second time.
 */
class NeverBuyTwiceProperties {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final int WARM = 120;

  @Property(tries = 12)
  void unitsBilledNeverExceedTheHighestTargetPlanned(
      @ForAll @IntRange(min = 0, max = 10) int listingLagMinutes,
      @ForAll @IntRange(min = 0, max = 3) int lostAnswers,
      @ForAll @IntRange(min = 1, max = 3) int blockUnits,
      @ForAll @IntRange(min = 9_000, max = 30_000) int peakTps,
      @ForAll @IntRange(min = 5, max = 30) int peakMinutes,
      @ForAll @IntRange(min = 1_000, max = 20_000) int afterTps) {
    Drill d =
        new Drill(
                TestConfig.sonnet(8).policy("blockUnits", blockUnits).ecs().build(),
                Drill.trace(
                    WARM + 60,
                    "sonnet",
                    m -> m < WARM ? 7000 : m < WARM + peakMinutes ? peakTps : afterTps))
            .warmUp(WARM);
    SimBedrock bedrock = d.account.cloud().bedrock();
    bedrock.delayListing(Duration.ofMinutes(listingLagMinutes));
    bedrock.faults().loseAnswerNext(AwsAction.BEDROCK_CREATE_PT.iamAction(), lostAnswers);
    int bound = bedrock.billedUnits(SONNET);

    for (int i = 0; i < 45; i++) {
      Minute m = d.step();
      if (m.pass().plan() != null) { // null: a hold pass (3 lost answers open the circuit)
        bound = Math.max(bound, m.pass().plan().models().get("sonnet").targetUnits());
      }
      assertThat(bedrock.billedUnits(SONNET))
          .as("minute %d", m.minute())
          .isLessThanOrEqualTo(bound);
    }
    // A purchase is forgotten by the first pass that lists its PT: only the last lag's are left.
    Instant now = d.account.clock().instant();
    assertThat(d.account.state().pendingPurchases(now))
        .allSatisfy(
            p ->
                assertThat(p.recordedAt())
                    .isAfterOrEqualTo(now.minus(Duration.ofMinutes(listingLagMinutes + 1))));
  }
}
