package io.capacityctl.planner;

import static io.capacityctl.planner.PlannerFixture.decide;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An order is not undone before it serves: while units are Creating the forecast does not trim
 * (cancelling them and buying again the next pass restarts their provisioning, so they never
 * serve); once they serve, a trim takes what is not needed. Overrides still win.
 */
class PlannerCreationTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final CapacityConfig CONFIG = TestConfig.sonnet(0).build();
  // 1300 tps, flat for two days: one unit is what the forecast asks for.
  private static final History QUIET = History.flat(NOW, 1300);

  @Test
  void aTrimWaitsWhileUnitsAreCreating() {
    ModelState ordered = new ModelState("sonnet", 1, 2, 0, 0, QUIET.build(), null);

    ModelDecision d = decide(CONFIG, NOW, ordered);

    assertThat(d.targetUnits()).isEqualTo(3);
    assertThat(d.reason())
        .startsWith("a trim to 1 waits for the 2 units in Creating to serve: trim:");
  }

  @Test
  void onceTheyServeTheTrimTakesWhatIsNotNeeded() {
    ModelState served = new ModelState("sonnet", 3, 0, 0, 0, QUIET.build(), null);

    ModelDecision d = decide(CONFIG, NOW, served);

    assertThat(d.targetUnits()).isEqualTo(1);
    assertThat(d.reason()).startsWith("trim:");
  }

  @Test
  void nothingIsHeldOverTheQuota() {
    // maxUnits lowered to 2 while 3 are held, one of them Creating: the quota wins.
    CapacityConfig lowered = TestConfig.sonnet(0).set("sonnet", "maxUnits", 2).build();
    ModelState ordered = new ModelState("sonnet", 2, 1, 0, 0, QUIET.build(), null);

    assertThat(decide(lowered, NOW, ordered).targetUnits()).isEqualTo(2);
  }

  @Test
  void anOverrideStillCancelsCreations() {
    ModelState ordered = new ModelState("sonnet", 1, 2, 0, 0, QUIET.build(), null);
    CapacityOverride one =
        new CapacityOverride(
            "sonnet",
            1,
            false,
            NOW.minus(Duration.ofMinutes(5)),
            NOW.plus(Duration.ofHours(1)),
            "cost freeze",
            "alice");

    Plan p = PlannerFixture.plan(CONFIG, NOW, null, List.of(one), ordered);

    assertThat(p.models().get("sonnet").targetUnits()).isEqualTo(1);
  }
}
