package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.HeartbeatsApi;
import io.capacityctl.ports.HeartbeatsContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated account's heartbeats keep the same contract as DynamoDB's. */
class SimHeartbeatsTest extends HeartbeatsContract {
  private final SimHeartbeats heartbeats = new SimHeartbeats();

  @Override
  protected HeartbeatsApi heartbeats() {
    return heartbeats;
  }

  @Override
  protected String table() {
    return "capacityctl-shop";
  }

  @Test
  void aSandboxFileKeepsEveryHeartbeat() {
    heartbeats.write(table(), beat("shop", AT, Map.of("arn:a", AT)));
    heartbeats.write("capacityctl-web", beat("web", AT, Map.of()));
    SimHeartbeats reopened = new SimHeartbeats();

    reopened.restore(heartbeats.save());

    assertThat(reopened.save()).isEqualTo(heartbeats.save());
    assertThat(reopened.read(table(), "shop")).isEqualTo(heartbeats.read(table(), "shop"));
    reopened.restore(null);
    assertThat(reopened.read(table(), "shop")).as("a file written before heartbeats").isEmpty();
  }
}
