package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simulated ECS tasks start after the startup time; simulated CloudWatch never invents data. */
class SimEcsAndMetricsTest {
  private static final Instant T0 = Instant.parse("2027-01-06T00:00:00Z");
  private final FakeClock clock = new FakeClock(T0);

  @Test
  void newTasksRunAfterTheStartupTimeAndRemovedOnesStopAtOnce() {
    SimEcs ecs = new SimEcs(clock, Duration.ofMinutes(2), 4);

    ecs.setTasks("c", "s", 10);
    assertThat(ecs.describe("c", "s").desired()).isEqualTo(10);
    assertThat(ecs.running()).isEqualTo(4);
    clock.advance(Duration.ofMinutes(2));
    assertThat(ecs.running()).isEqualTo(10);

    ecs.setTasks("c", "s", 3);
    assertThat(ecs.running()).isEqualTo(3);
  }

  @Test
  void runningCountsTasksReadyByNowWhicheverOrderTheyWereAdded() {
    SimEcs ecs = new SimEcs(clock, Duration.ofMinutes(10), 1);
    clock.advance(Duration.ofMinutes(30));
    ecs.setTasks("c", "s", 3); // ready at 40m
    // A clock set back (a test, a sandbox told another time): later tasks are ready earlier.
    clock.set(T0.plus(Duration.ofMinutes(5)));
    ecs.setTasks("c", "s", 5); // ready at 15m, after the ones ready at 40m

    clock.set(T0.plus(Duration.ofMinutes(20)));
    assertThat(ecs.running()).as("the first and the two added last").isEqualTo(3);
    clock.set(T0.plus(Duration.ofMinutes(40)));
    assertThat(ecs.running()).isEqualTo(5);
  }

  @Test
  void aMinuteIsReadableOnlyOnceItIsOverAndMissingMinutesReadAsNaN() {
    SimMetrics metrics = new SimMetrics(clock, T0, 10, List.of("sonnet"));
    metrics.record("sonnet", 0, 60_000, 60, 0);
    metrics.record("sonnet", 1, 120_000, 100, 20);
    metrics.record("sonnet", 2, 60_000, 60, 0);
    clock.set(T0.plus(Duration.ofMinutes(2)).plusSeconds(30)); // minute 2 in progress

    MinuteSeries s =
        metrics
            .read(List.of("sonnet"), List.of(new TimeRange(T0, T0.plus(Duration.ofMinutes(4)))))
            .get("sonnet")
            .get(0);

    assertThat(s.demandTps(0)).isEqualTo(1000);
    // 100 served requests of 1200 tokens, 20 throttled ones would have added 24000 tokens.
    assertThat(s.demandTps(1)).isEqualTo(2400);
    assertThat(s.throttledTps(1)).isEqualTo(400);
    assertThat(s.missing(2)).isTrue(); // recorded but not over yet
    assertThat(s.missing(3)).isTrue(); // never recorded
  }

  @Test
  void blankedMinutesReadAsMissingNotZero() {
    SimMetrics metrics = new SimMetrics(clock, T0, 10, List.of("sonnet"));
    for (int i = 0; i < 10; i++) {
      metrics.record("sonnet", i, 60_000, 60, 0);
    }
    metrics.blank(3, 5);
    clock.set(T0.plus(Duration.ofMinutes(10)));

    MinuteSeries s =
        metrics
            .read(List.of("sonnet"), List.of(new TimeRange(T0, T0.plus(Duration.ofMinutes(10)))))
            .get("sonnet")
            .get(0);

    assertThat(s.missing(2)).isFalse();
    assertThat(s.missing(3)).isTrue();
    assertThat(s.missing(4)).isTrue();
    assertThat(s.missing(5)).isFalse();
  }

  @Test
  void whatWasReadNeverChangesWhenMinutesAreBlankedOrRecordedAfter() {
    SimMetrics metrics = new SimMetrics(clock, T0, 10, List.of("sonnet"));
    for (int i = 0; i < 6; i++) {
      metrics.record("sonnet", i, 60_000, 60, 0);
    }
    clock.set(T0.plus(Duration.ofMinutes(6)));
    TimeRange first5 = new TimeRange(T0, T0.plus(Duration.ofMinutes(5)));
    MinuteSeries before = metrics.read(List.of("sonnet"), List.of(first5)).get("sonnet").get(0);

    metrics.blank(3, 5);
    metrics.record("sonnet", 2, 120_000, 60, 0); // a late revision of a minute already read

    assertThat(before.tokens()).containsExactly(60_000, 60_000, 60_000, 60_000, 60_000);
    MinuteSeries after = metrics.read(List.of("sonnet"), List.of(first5)).get("sonnet").get(0);
    assertThat(after.tokens()).containsExactly(60_000, 60_000, 120_000, Double.NaN, Double.NaN);
    assertThat(after.sameMinutes(0, before, 0, 2)).isTrue();
    assertThat(after.sameMinutes(0, before, 0, 3)).isFalse();
  }

  @Test
  void aRangeBeforeTheSimulationReadsAsMissingMinutes() {
    SimMetrics metrics = new SimMetrics(clock, T0, 10, List.of("sonnet"));
    metrics.record("sonnet", 0, 60_000, 60, 0);
    clock.set(T0.plus(Duration.ofMinutes(5)));
    TimeRange weekBack = new TimeRange(T0.minus(Duration.ofDays(7)), T0.minus(Duration.ofDays(6)));

    MinuteSeries s = metrics.read(List.of("sonnet"), List.of(weekBack)).get("sonnet").get(0);

    assertThat(s.size()).isEqualTo(1440);
    for (int i = 0; i < s.size(); i++) {
      assertThat(s.missing(i)).isTrue();
    }
  }
}
