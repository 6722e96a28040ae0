package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A trace's history is what CloudWatch holds when the controller starts: the first pass reads it,
 * and only the minutes after it are replayed and counted, for every policy alike.
 */
class SimulatorHistoryTest {
  // 03:00 JST, when the MangaAssist schedule holds a few units: 12,000 tokens/s is far above it.
  private static final Instant START = Instant.parse("2027-01-05T18:00:00Z");
  private static final int DAY = 1440;

  @Test
  void theFirstPassReadsTheHistoryAndServesFromTheFirstReplayedMinute() {
    CapacityConfig config = TestConfig.mangaAssist();
    Trace whole = steady(DAY + 120, 12_000);

    SimulationResult cold = run(config, whole.afterHistory(DAY).withoutHistory());
    SimulationResult deployed = run(config, whole.afterHistory(DAY));

    // From its first minute with no history the controller holds the schedule and throttles until
    // the new units serve; deployed a day earlier it already holds the level.
    assertThat(cold.models().get("sonnet").throttledTokens()).isPositive();
    assertThat(deployed.models().get("sonnet").throttledTokens()).isZero();
    assertThat(deployed.minutes()).isEqualTo(120);
    assertThat(deployed.models().get("sonnet").demandTokens()).isEqualTo(120 * 60 * 12_000.0);
  }

  @Test
  void theOracleIsScoredOnTheReplayedMinutesOnly() {
    CapacityConfig config = TestConfig.mangaAssist();
    Trace whole = steady(DAY + 120, 12_000);

    SimulationResult oracle =
        Simulator.run(
            config,
            whole.afterHistory(DAY),
            "oracle",
            c -> PolicyName.ORACLE.create(c, whole.afterHistory(DAY)),
            null);

    // 12 Sonnet units for two hours, warm: nothing of the history day is billed.
    double unitHours = oracle.models().get("sonnet").unitHours();
    assertThat(unitHours).isBetween(12 * 2.0, 13 * 2.0);
  }

  @Test
  void historyIsTakenFromTheStartAndKeptAcrossCuts() {
    Trace t = ramp(3 * DAY);

    Trace after = t.afterHistory(DAY);

    assertThat(after.start()).isEqualTo(START.plus(Duration.ofDays(1)));
    assertThat(after.minutes()).isEqualTo(2 * DAY);
    assertThat(after.historyMinutes()).isEqualTo(DAY);
    assertThat(after.history().get("sonnet")[DAY - 1]).isEqualTo(DAY - 1);
    assertThat(after.at("sonnet", 0)).isEqualTo(DAY);
    assertThat(after.firstDays(1).historyMinutes()).isEqualTo(DAY);
    assertThat(after.afterHistory(60).historyMinutes()).isEqualTo(DAY + 60);
    assertThat(after.afterHistory(60).history().get("sonnet")[DAY + 59]).isEqualTo(DAY + 59);
  }

  @Test
  void historyMustCoverEveryModelOrNone() {
    Map<String, double[]> demand = Map.of("sonnet", new double[2], "haiku", new double[2]);

    assertThatThrownBy(() -> new Trace(START, 2, demand, Map.of("sonnet", new double[3])))
        .hasMessageContaining("history for [sonnet] but demand for");
    assertThat(new Trace(START, 2, demand, Map.of()).afterHistory(1).historyMinutes()).isEqualTo(1);
  }

  @Test
  void aRecordedTraceKeepsADayOrAQuarterAsHistory() {
    assertThat(ramp(30 * DAY).recordedHistoryMinutes()).isEqualTo(DAY);
    assertThat(ramp(2 * DAY).recordedHistoryMinutes()).isEqualTo(DAY / 2);
    assertThat(ramp(120).recordedHistoryMinutes()).isEqualTo(30);
    assertThat(ramp(3).recordedHistoryMinutes()).isZero();
    assertThat(ramp(3).asRecorded().minutes()).isEqualTo(3);
    assertThat(ramp(30 * DAY).asRecorded().historyMinutes()).isEqualTo(DAY);
  }

  @Test
  void aHistoryThatLeavesNothingOrIsLongerThanCloudWatchKeepsIsRefused() {
    assertThatThrownBy(() -> ramp(60).afterHistory(60))
        .hasMessageContaining("leaves nothing of 60 to replay");
    assertThatThrownBy(() -> ramp(10 * DAY).afterHistory(9 * DAY))
        .hasMessageContaining("minutes of history");
  }

  private static SimulationResult run(CapacityConfig config, Trace t) {
    return Simulator.run(config, t, "capacityctl", c -> PolicyName.CAPACITYCTL.create(c, t), null);
  }

  private static Trace steady(int minutes, double sonnet) {
    double[] s = new double[minutes];
    Arrays.fill(s, sonnet);
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put("sonnet", s);
    demand.put("haiku", new double[minutes]);
    return new Trace(START, minutes, demand);
  }

  /** Minute i has demand i: where each minute went is visible. */
  private static Trace ramp(int minutes) {
    double[] s = new double[minutes];
    Arrays.setAll(s, i -> i);
    return new Trace(START, minutes, Map.of("sonnet", s));
  }
}
