package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A datapoint far beyond anything the model could serve, alone, is suspect: read as missing, named
 * in the reasons, never a reason to buy (issue 15 point 2, issue 16 point 2). Several such minutes
 * in a row are demand.
 */
class PlannerSuspectTest {
  // 60 units of 1,000 tps and 5,000 on demand: at most 65,000 tps can be served.
  private static final CapacityConfig CONFIG = TestConfig.sonnet(15).build();
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");

  private static ModelDecision at(int units, History demand) {
    return decide(CONFIG, NOW, serving("sonnet", units, demand));
  }

  @Test
  void oneAbsurdDatapointBuysNothingAndIsNamed() {
    ModelDecision plain = at(20, History.flat(NOW, 19_000));
    for (int back : new int[] {0, 1, 5, 60, 600}) {
      ModelDecision spiked = at(20, History.flat(NOW, 19_000).span(back, 1, 1_000_000));

      assertThat(spiked.targetUnits()).as("spike %dm back", back).isEqualTo(plain.targetUnits());
      assertThat(spiked.reason())
          .contains("suspect datapoint 1,000,000 tps")
          .contains("read as missing (1 in the window)");
    }
    assertThat(plain.reason()).doesNotContain("suspect");
  }

  @Test
  void aSpikeWithinWhatTheModelCouldServeIsDemand() {
    // 150,000 tps is less than three times the 65,000 the quota and on demand serve: a burst,
    // not a suspect, and three minutes of it at the newest minutes escalate to the quota.
    ModelDecision d = at(20, History.flat(NOW, 19_000).newest(3, 150_000));

    assertThat(d.reason()).doesNotContain("suspect").startsWith("escalate");
    assertThat(d.targetUnits()).isEqualTo(60);
  }

  @Test
  void severalAbsurdMinutesInARowAreDemand() {
    // A surge that lasts is real however large: it escalates to the quota and says so.
    ModelDecision d = at(20, History.flat(NOW, 19_000).newest(3, 1_000_000));

    assertThat(d.reason()).doesNotContain("suspect").startsWith("escalate").contains("quota");
    assertThat(d.targetUnits()).isEqualTo(60);
  }

  @Test
  void twoSpikesApartAreEachSuspect() {
    ModelDecision d =
        at(20, History.flat(NOW, 19_000).span(30, 1, 900_000).span(300, 1, 2_000_000));

    assertThat(d.targetUnits()).isEqualTo(at(20, History.flat(NOW, 19_000)).targetUnits());
    assertThat(d.reason())
        .contains("suspect datapoint 900,000 tps 30m back")
        .contains("2 in the window");
  }

  @Test
  void aLevelThatHasRisenIsTheYardstickNotTheQuota() {
    // After a day at 500,000 tps (a model whose quota was raised outside the file), 1,000,000 is
    // less than three times what was seen: demand. 2,000,000 alone is not.
    ModelDecision doubled = at(60, History.flat(NOW, 500_000).span(1, 1, 1_000_000));
    ModelDecision absurd = at(60, History.flat(NOW, 500_000).span(1, 1, 2_000_000));

    assertThat(doubled.reason()).doesNotContain("suspect");
    assertThat(absurd.reason()).contains("suspect datapoint 2,000,000 tps 1m back");
  }
}
