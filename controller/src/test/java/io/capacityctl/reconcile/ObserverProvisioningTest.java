package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Planner;
import io.capacityctl.ports.CloudException;
import io.capacityctl.state.Creation;
import io.capacityctl.state.StateStore;
import io.capacityctl.testing.ForwardingStateStore;
import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The observed provisioning time the planner's canary reading needs, as the Observer hands it over:
 * the longest of the model's own creations, one still in progress included; none before any was
 * seen; none (and a warning, never a failed pass) when the records cannot be read.
 */
class ObserverProvisioningTest {
  private final SimFixture sim = new SimFixture(TestConfig.sonnet(5).build());

  private ModelState observe(StateStore state, int minute, List<String> problems) {
    sim.at(minute);
    Snapshot s =
        new Observer(
                sim.config,
                sim.cloud.ports(),
                state,
                new Planner(sim.config, CapacityCalendar.of(sim.config)).historyWindow())
            .observe(SimFixture.START.plus(Duration.ofMinutes(minute)));
    problems.addAll(s.problems());
    return s.observation().models().get("sonnet");
  }

  @Test
  void nothingIsObservedBeforeACreationWasSeen() {
    assertThat(observe(sim.state, 0, new ArrayList<>()).observedProvisioning()).isNull();
  }

  @Test
  void theLongestCreationIsObservedAndOneStillCreatingGrowsIt() {
    for (int m = 0; m <= 20; m++) {
      sim.at(m).pass();
    }
    assertThat(observe(sim.state, 21, new ArrayList<>()).observedProvisioning())
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aCreationStillInProgressCountsForAsLongAsItHasTaken() {
    sim.at(0).pass(); // buys 5 units
    String slow = sim.pts("sonnet").get(0).arn();
    sim.cloud.bedrock().delayCreation(slow, SimFixture.START.plus(Duration.ofDays(1)));
    for (int m = 1; m <= 10; m++) {
      sim.at(m).pass();
    }
    assertThat(observe(sim.state, 10, new ArrayList<>()).observedProvisioning())
        .as("all still creating")
        .isEqualTo(Duration.ofMinutes(10));
    for (int m = 11; m <= 40; m++) {
      sim.at(m).pass();
    }
    assertThat(observe(sim.state, 40, new ArrayList<>()).observedProvisioning())
        .as("four done in 15m, one still creating")
        .isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void unreadableRecordsLeaveTheLiteralReadingAndSaySo() {
    for (int m = 0; m <= 20; m++) {
      sim.at(m).pass();
    }
    StateStore throttled =
        new ForwardingStateStore(sim.state) {
          @Override
          public List<Creation> creations() {
            throw new CloudException(
                CloudException.Kind.THROTTLING, "dynamodb:Query", "Rate exceeded");
          }
        };
    List<String> problems = new ArrayList<>();

    ModelState s = observe(throttled, 21, problems);

    assertThat(s.observedProvisioning()).isNull();
    assertThat(s.problem()).isNull();
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("provisioning observations unreadable")
                    .contains("Rate exceeded")
                    .endsWith("lead times read literally this pass"));
  }
}
