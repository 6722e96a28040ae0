package io.capacityctl.routing;

import static io.capacityctl.routing.RouteTableJsonTest.ARN_A;
import static io.capacityctl.routing.RouteTableJsonTest.ARN_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The reader applications embed: weighted picks, drain, on-demand fallback, cache, last good. */
class RouteTableReaderTest {
  static final String ARN_C =
      "arn:aws:bedrock:ap-northeast-1:123456789012:provisioned-model/cccccccccccc";
  static final String ON_DEMAND = "anthropic.claude-3-5-sonnet-20240620-v1:0";

  final FakeClock clock = new FakeClock(Instant.parse("2025-03-03T06:00:00Z"));
  final AtomicReference<Supplier<Optional<String>>> published = new AtomicReference<>();
  final AtomicInteger reads = new AtomicInteger();

  RouteTableReader reader(long seed) {
    Random random = new Random(seed);
    return new RouteTableReader(
        () -> {
          reads.incrementAndGet();
          return published.get().get();
        },
        clock,
        Duration.ofSeconds(30),
        random::nextDouble);
  }

  void publish(Route... routes) {
    String json =
        RouteTableJson.write(
            new RouteTable(
                "manga",
                clock.instant(),
                Map.of("sonnet", new ModelRoutes(ON_DEMAND, List.of(routes)))));
    published.set(() -> Optional.of(json));
  }

  @Test
  void picksArnsInProportionToUnitsAndNeverADrainingOne() {
    publish(
        new Route(ARN_A, 3, null),
        new Route(ARN_B, 5, Instant.parse("2025-03-03T05:59:00Z")),
        new Route(ARN_C, 1, null));
    RouteTableReader reader = reader(42);

    Map<String, Integer> counts = new HashMap<>();
    int n = 40_000;
    for (int i = 0; i < n; i++) {
      counts.merge(reader.pick("sonnet").orElseThrow(), 1, Integer::sum);
    }

    assertThat(counts).containsOnlyKeys(ARN_A, ARN_C);
    assertThat(counts.get(ARN_A) / (double) n).isCloseTo(0.75, within(0.01));
    assertThat(counts.get(ARN_C) / (double) n).isCloseTo(0.25, within(0.01));
  }

  @Test
  void fallsBackToOnDemandWhenEveryRouteDrainsOrNoneExists() {
    publish(new Route(ARN_A, 3, Instant.parse("2025-03-03T05:59:00Z")));
    assertThat(reader(1).pick("sonnet")).contains(ON_DEMAND);

    publish();
    assertThat(reader(1).pick("sonnet")).contains(ON_DEMAND);
  }

  @Test
  void anUnknownModelOrNoPublishedTableLeavesTheChoiceToTheCaller() {
    publish(new Route(ARN_A, 3, null));
    assertThat(reader(1).pick("haiku")).isEmpty();

    published.set(Optional::empty);
    assertThat(reader(1).pick("sonnet")).isEmpty();
  }

  @Test
  void rereadsThePublishedTableOnlyOncePerTtl() {
    publish(new Route(ARN_A, 3, null));
    RouteTableReader reader = reader(1);
    reader.pick("sonnet");

    publish(new Route(ARN_B, 3, null));
    clock.advance(Duration.ofSeconds(29));
    assertThat(reader.pick("sonnet")).contains(ARN_A);
    assertThat(reads.get()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(reader.pick("sonnet")).contains(ARN_B);
    assertThat(reads.get()).isEqualTo(2);
  }

  @Test
  void aFailedRereadKeepsTheLastGoodTableUntilAReadSucceeds() {
    publish(new Route(ARN_A, 3, null));
    RouteTableReader reader = reader(1);
    reader.pick("sonnet");

    published.set(
        () -> {
          throw new IllegalStateException("SSM throttled");
        });
    clock.advance(Duration.ofSeconds(30));
    assertThat(reader.pick("sonnet")).contains(ARN_A);
    published.set(() -> Optional.of("{\"config\": truncated"));
    clock.advance(Duration.ofSeconds(30));
    assertThat(reader.pick("sonnet")).contains(ARN_A);
    // A failing source is not hammered: still one read per TTL.
    reader.pick("sonnet");
    assertThat(reads.get()).isEqualTo(3);

    publish(new Route(ARN_C, 1, null));
    clock.advance(Duration.ofSeconds(30));
    assertThat(reader.pick("sonnet")).contains(ARN_C);
  }
}
