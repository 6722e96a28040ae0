package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.reconcile.ControlPlaneCircuit.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The circuit's states at fixed instants: open after N failed passes, half-open after cool-down.
 */
class ControlPlaneCircuitTest {
  private static final Instant T0 = Instant.parse("2027-01-06T12:00:00Z");

  private static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  private final ControlPlaneCircuit circuit = new ControlPlaneCircuit(3, Duration.ofMinutes(5));

  private void failedPasses(int from, int count) {
    for (int m = from; m < from + count; m++) {
      assertThat(circuit.allows(minute(m))).isTrue();
      circuit.record(true, minute(m));
    }
  }

  @Test
  void opensAfterThreeConsecutiveFailedPassesAndHoldsUntilTheCoolDown() {
    failedPasses(0, 2);
    assertThat(circuit.state()).isEqualTo(State.CLOSED);

    failedPasses(2, 1);

    assertThat(circuit.state()).isEqualTo(State.OPEN);
    assertThat(circuit.allows(minute(3))).isFalse();
    assertThat(circuit.allows(minute(6))).isFalse(); // 4 minutes after opening at minute 2
    assertThat(circuit.describe()).contains("3 consecutive passes").contains(minute(7).toString());
  }

  @Test
  void aSuccessfulPassResetsTheCount() {
    failedPasses(0, 2);
    circuit.record(false, minute(2));
    failedPasses(3, 2);

    assertThat(circuit.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void halfOpensAfterTheCoolDownAndASuccessCloses() {
    failedPasses(0, 3);

    assertThat(circuit.allows(minute(7))).isTrue();
    assertThat(circuit.state()).isEqualTo(State.HALF_OPEN);
    circuit.record(false, minute(7));

    assertThat(circuit.state()).isEqualTo(State.CLOSED);
    assertThat(circuit.allows(minute(8))).isTrue();
  }

  @Test
  void aFailureWhileHalfOpenReopensForANewCoolDown() {
    failedPasses(0, 3);
    assertThat(circuit.allows(minute(7))).isTrue();

    circuit.record(true, minute(7));

    assertThat(circuit.state()).isEqualTo(State.OPEN);
    assertThat(circuit.allows(minute(11))).isFalse();
    assertThat(circuit.allows(minute(12))).isTrue();
  }
}
