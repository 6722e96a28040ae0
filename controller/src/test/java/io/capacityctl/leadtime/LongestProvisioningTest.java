package io.capacityctl.leadtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.state.Creation;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The longest provisioning a pass reads, kept between passes: always what the figures say of the
 * records read, as they change and as time passes.
 */
class LongestProvisioningTest {
  private static final Instant T0 = Instant.parse("2027-01-06T00:00:00Z");
  private final ModelConfig sonnet = TestConfig.sonnet(1).build().model("sonnet");
  private final LongestProvisioning memo = new LongestProvisioning();

  @Test
  void isTheLongestOfTheFiguresAsRecordsChangeAndTimePasses() {
    Random random = new Random(5);
    List<Creation> all = List.of();
    for (int pass = 0; pass < 5000; pass++) {
      if (random.nextInt(3) == 0) {
        all = changed(all, random); // a new list: a creation recorded, done or dropped
      }
      // Whole minutes, and (every other pass) instants seconds and nanoseconds apart.
      Instant at = T0.plus(Duration.ofMinutes(90 + pass / 10)).plus(jitter(random, pass % 2 == 1));

      assertThat(memo.longest(sonnet, all, at))
          .as("pass %d: %s at %s", pass, all, at)
          .isEqualTo(ProvisioningObserved.of(sonnet, all, at).longest());
    }
  }

  @Test
  void aCreationRecordedSinceTheLastPassIsSeenByTheNext() {
    Creation done =
        Creation.watched("sonnet", "a", 1, T0).inServiceBy(T0.plus(Duration.ofMinutes(15)));
    List<Creation> before = List.of(done);
    assertThat(memo.longest(sonnet, before, T0.plus(Duration.ofMinutes(60))))
        .isEqualTo(Duration.ofMinutes(15));

    // The pass's own watch records a creation started 40 minutes ago: the store's next list.
    List<Creation> after =
        List.of(done, Creation.watched("sonnet", "b", 1, T0.plus(Duration.ofMinutes(20))));

    assertThat(memo.longest(sonnet, after, T0.plus(Duration.ofMinutes(60))))
        .isEqualTo(Duration.ofMinutes(40));
    assertThat(memo.longest(sonnet, after, T0.plus(Duration.ofMinutes(61))))
        .as("still creating: a minute longer a minute later")
        .isEqualTo(Duration.ofMinutes(41));
  }

  private static List<Creation> changed(List<Creation> all, Random random) {
    List<Creation> next = new ArrayList<>(all);
    int what = random.nextInt(3);
    if (what == 0 || next.isEmpty()) {
      String model = random.nextBoolean() ? "sonnet" : "haiku";
      Instant created =
          T0.plus(Duration.ofMinutes(random.nextInt(90)))
              .plus(jitter(random, random.nextBoolean()));
      next.add(Creation.watched(model, "arn" + random.nextInt(1_000_000), 1, created));
    } else if (what == 1) {
      int i = random.nextInt(next.size());
      Creation c = next.get(i);
      if (!c.done()) {
        next.set(
            i,
            c.inServiceBy(
                c.createdAt()
                    .plus(Duration.ofMinutes(random.nextInt(60)))
                    .plus(jitter(random, random.nextBoolean()))));
      }
    } else {
      next.remove(random.nextInt(next.size()));
    }
    return List.copyOf(next);
  }

  /** Up to three seconds either way, in nanoseconds; none when not {@code fine}. */
  private static Duration jitter(Random random, boolean fine) {
    return fine
        ? Duration.ofSeconds(random.nextInt(7) - 3, random.nextInt(1_000_000_000))
        : Duration.ZERO;
  }
}
