package io.capacityctl.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link HeartbeatsApi} keeps: the DynamoDB adapter and the simulated account alike. */
public abstract class HeartbeatsContract {
  protected static final Instant AT = Instant.parse("2027-01-06T12:00:00Z");

  /** The heartbeats of an account with an (empty) state table named {@code table()}. */
  protected abstract HeartbeatsApi heartbeats();

  protected abstract String table();

  protected static ConfigHeartbeat beat(String config, Instant at, Map<String, Instant> retiring) {
    return new ConfigHeartbeat(
        config, at, at.plus(Duration.ofMinutes(10)), List.of("old-" + config), retiring);
  }

  @Test
  void aHeartbeatIsReadBackAsWritten() {
    ConfigHeartbeat beat =
        beat(
            "shop",
            AT,
            Map.of("arn:aws:bedrock:us-east-1:1:provisioned-model/a", AT.minusSeconds(600)));

    heartbeats().write(table(), beat);

    assertThat(heartbeats().read(table(), "shop")).contains(beat);
  }

  @Test
  void eachPassReplacesTheLastAndConfigurationsSharingATableKeepTheirOwn() {
    heartbeats().write(table(), beat("shop", AT, Map.of("arn:a", AT)));
    heartbeats().write(table(), beat("web", AT, Map.of()));
    ConfigHeartbeat later = beat("shop", AT.plusSeconds(60), Map.of());

    heartbeats().write(table(), later);

    assertThat(heartbeats().read(table(), "shop")).contains(later);
    assertThat(heartbeats().read(table(), "web"))
        .hasValueSatisfying(b -> assertThat(b.at()).isEqualTo(AT));
  }

  @Test
  void aConfigurationThatNeverWroteOrATableThatDoesNotExistHoldsNoHeartbeat() {
    assertThat(heartbeats().read(table(), "never")).isEmpty();
    assertThat(heartbeats().read("capacityctl-deleted-stack", "shop")).isEmpty();
  }

  @Test
  void aClaimEndsAtItsClaimedUntil() {
    ConfigHeartbeat beat = beat("shop", AT, Map.of());

    assertThat(beat.claimedAt(AT.plus(Duration.ofMinutes(10)).minusMillis(1))).isTrue();
    assertThat(beat.claimedAt(AT.plus(Duration.ofMinutes(10)))).isFalse();
  }
}
