package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static io.capacityctl.planner.PlannerFixture.serving;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** No flapping: after demand drops, capacity stays for the stabilisation window, then falls. */
class PlannerStabilizationTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");

  /** The decision {@code minutesAgo} after demand fell from 12000 to 6000 tps, at 12 units. */
  private static ModelDecision afterDrop(CapacityConfig config, int minutesAgo) {
    History demand = History.flat(NOW, 12_000).newest(minutesAgo, 6000);
    return decide(config, NOW, serving("sonnet", 12, demand));
  }

  @Test
  void holdsForAtLeastTheDefaultTenMinutesThenScalesDown() {
    CapacityConfig config = TestConfig.sonnet(12).build();

    for (int minutes = 1; minutes < 10; minutes++) {
      assertThat(afterDrop(config, minutes).targetUnits())
          .as("%d minutes after the drop", minutes)
          .isEqualTo(12);
    }
    // The forecast level is a 30-minute median: a drop counts once it is older than half of it.
    ModelDecision after = afterDrop(config, 16);
    assertThat(after.targetUnits()).isLessThan(12);
    assertThat(after.reason()).startsWith("trim");
  }

  @Test
  void followsTheConfiguredStabilizationWindow() {
    CapacityConfig config = TestConfig.sonnet(12).policy("scaleDownStabilization", "PT30M").build();

    assertThat(afterDrop(config, 20).targetUnits()).isEqualTo(12);
    assertThat(afterDrop(config, 30).targetUnits()).isLessThan(12);
  }
}
