package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On spiky traffic the level's median falls in the quiet minutes between bursts, and the headroom
 * read at it with it: a trim there is undone as the next burst comes, a provisioning time too late
 * (tweet volumes: 79 units trimmed to 48 in five quiet minutes, ordered again as the burst came,
 * 50,000 tokens/s throttled while they were Creating). What the levels of the last provisioning
 * time and level window asked for is kept until they have been gone that long.
 */
class PlannerTrimAfterBurstTest {
  static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  // Haiku's prices and a thin on-demand allowance (1,000 tps), so units are what serve a burst.
  final CapacityConfig config =
      TestConfig.sonnet(4)
          .set("sonnet", "unitHourlyUsd", 2.40)
          .set("sonnet", "onDemandUsdPer1kTokens", 0.000375)
          .set("sonnet", "onDemandTps", 1000)
          .set("sonnet", "maxUnits", 90)
          .build();
  final Planner planner = new Planner(config, CapacityCalendar.of(config));

  /**
   * A week of quiet (500 tps) with a busy spell (8,000 tps and bursts to 60,000 every 20 minutes)
   * every six hours, the last one ending {@code quietFor} minutes ago.
   */
  double[] week(int quietFor) {
    double[] d = new double[planner.historyWindow().recentMinutes()];
    Arrays.fill(d, 500);
    for (int end = d.length - quietFor; end > 0; end -= 6 * 60) {
      for (int i = Math.max(0, end - 120); i < end; i++) {
        d[i] = i % 20 == 0 ? 60_000 : 8_000;
      }
    }
    return d;
  }

  ModelDecision plan(int units, double[] recent) {
    DemandHistory demand = new DemandHistory(NOW.minus(Duration.ofMinutes(2)), recent, null, null);
    Observation seen =
        new Observation(
            NOW, Map.of("sonnet", new ModelState("sonnet", units, 0, 0, 0, demand, null)), null);
    return planner.plan(seen, List.of(), NOW).models().get("sonnet");
  }

  @Test
  void aQuietSpellShorterThanAProvisioningTimeAndALevelWindowTrimsNothing() {
    // Twenty quiet minutes: the level's median is already quiet, the busy level 20-50 minutes ago.
    int held = plan(90, week(0)).targetUnits();

    assertThat(held).as("the busy spell's own need").isGreaterThan(40);
    assertThat(plan(held, week(20)).targetUnits()).isEqualTo(held);
  }

  @Test
  void aTrimStopsAtWhatTheRecentLevelsAskedForAndSaysSo() {
    int held = plan(90, week(0)).targetUnits();
    ModelDecision twenty = plan(90, week(20));
    int quiet = plan(90, week(80)).targetUnits();

    assertThat(twenty.targetUnits()).isEqualTo(held);
    assertThat(twenty.reason()).contains("held for the last 45m's levels");
    // Quiet for longer than a provisioning time and a level window: the quiet level's own need.
    assertThat(quiet).isLessThan(held);
    assertThat(plan(held, week(80)).targetUnits()).isEqualTo(quiet);
  }

  @Test
  void aFallTheProfileForesawIsTrimmedWithoutWaiting() {
    // The same twenty quiet minutes, but yesterday fell at the same minute and stayed quiet: the
    // profile foresaw the fall, so nothing is held for the busy level.
    int held = plan(90, week(0)).targetUnits();
    double[] recent = week(20);
    double[] yesterday = Arrays.copyOf(recent, recent.length + 120);
    Arrays.fill(yesterday, recent.length, yesterday.length, 500);
    DemandHistory demand =
        new DemandHistory(NOW.minus(Duration.ofMinutes(2)), recent, yesterday, null);
    Observation seen =
        new Observation(
            NOW, Map.of("sonnet", new ModelState("sonnet", held, 0, 0, 0, demand, null)), null);
    ModelDecision d = planner.plan(seen, List.of(), NOW).models().get("sonnet");

    assertThat(d.targetUnits()).isLessThan(held);
    assertThat(d.reason()).contains("day-ago profile").doesNotContain("held for the last");
  }
}
