package io.capacityctl.leadtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.state.Creation;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provisioning time a model's own creations showed, as status and plan name it. */
class ProvisioningObservedTest {
  static final Instant T0 = Instant.parse("2027-01-06T00:00:00Z");
  private final ModelConfig sonnet = TestConfig.sonnet(1).build().model("sonnet"); // PT15M

  private static Creation done(String model, String arn, int startMinute, Duration took) {
    Instant created = T0.plus(Duration.ofMinutes(startMinute));
    return Creation.watched(model, arn, 1, created).inServiceBy(created.plus(took));
  }

  @Test
  void medianAndMaxOfTheModelsOwnCreationsBesideTheConfiguredTime() {
    List<Creation> all =
        List.of(
            done("sonnet", "a", 0, Duration.ofMinutes(14)),
            done("sonnet", "b", 60, Duration.ofMinutes(17)),
            done("sonnet", "c", 120, Duration.ofMinutes(13)),
            done("sonnet", "d", 180, Duration.ofMinutes(15)),
            done("haiku", "h", 0, Duration.ofHours(2)));

    ProvisioningObserved p = ProvisioningObserved.of(sonnet, all, T0.plus(Duration.ofDays(1)));

    assertThat(p.creations()).isEqualTo(4);
    assertThat(p.median()).isEqualTo(Duration.ofMinutes(14).plusSeconds(30));
    assertThat(p.max()).isEqualTo(Duration.ofMinutes(17));
    assertThat(p.longest()).isEqualTo(Duration.ofMinutes(17));
    assertThat(p.describe())
        .isEqualTo(
            "provisioning observed: median 14m30s, max 17m over 4 creations, each an upper bound"
                + " (configured 15m)");
  }

  @Test
  void nothingSeenSaysSoAndHasNoLongest() {
    ProvisioningObserved p = ProvisioningObserved.of(sonnet, List.of(), T0);

    assertThat(p.longest()).isNull();
    assertThat(p.describe())
        .isEqualTo("provisioning observed: no creation seen yet (configured 15m)");
  }

  @Test
  void aCreationStillInProgressIsCountedNotDroppedAndNamedStuckPastTwiceTheConfiguredTime() {
    List<Creation> all =
        List.of(
            done("sonnet", "a", 0, Duration.ofMinutes(15)),
            Creation.watched("sonnet", "slow", 1, T0.plus(Duration.ofMinutes(60))),
            Creation.watched("sonnet", "new", 1, T0.plus(Duration.ofMinutes(100))));

    ProvisioningObserved p = ProvisioningObserved.of(sonnet, all, T0.plus(Duration.ofMinutes(107)));

    assertThat(p.creations()).isEqualTo(1);
    assertThat(p.stillCreating()).containsExactly(Duration.ofMinutes(47), Duration.ofMinutes(7));
    assertThat(p.longest())
        .as("the slow one has already taken longer")
        .isEqualTo(Duration.ofMinutes(47));
    assertThat(p.stuck()).isEqualTo(1);
    assertThat(p.describe())
        .isEqualTo(
            "provisioning observed: median 15m, max 15m over 1 creation, each an upper bound"
                + " (configured 15m); 2 still creating after 47m (1 stuck: more than 2 x"
                + " configured)");
  }

  @Test
  void aCreationInProgressShorterThanTheLongestDoneLeavesItAsItIs() {
    List<Creation> all =
        List.of(
            done("sonnet", "a", 0, Duration.ofMinutes(20)),
            Creation.watched("sonnet", "new", 1, T0.plus(Duration.ofMinutes(100))));

    ProvisioningObserved p = ProvisioningObserved.of(sonnet, all, T0.plus(Duration.ofMinutes(103)));

    assertThat(p.longest()).isEqualTo(Duration.ofMinutes(20));
    assertThat(p.stuck()).isZero();
  }
}
