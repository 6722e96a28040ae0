package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.backtest.StaticPeakPolicy;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Throttled tokens are counted apart where the quota could have served the demand: what the
 * throttle budget is judged on, since beyond the quota no policy serves it.
 */
class SimulatorQuotaTest {
  private static final Instant START = Instant.parse("2027-01-05T00:00:00Z");

  @Test
  void onlyTheMinutesTheQuotaCouldServeCountAsThrottledWithinIt() {
    // 10 units held (10,000 tokens/s) plus 5,000 on demand; the quota is 20 units: 25,000.
    CapacityConfig config = TestConfig.sonnet(10).set("sonnet", "maxUnits", 20).build();
    double[] demand = new double[60 + 60 + 10 + 10];
    Arrays.fill(demand, 60, 120, 12_000); // served
    Arrays.fill(demand, 120, 130, 20_000); // within the quota: 5,000 throttled a minute
    Arrays.fill(demand, 130, 140, 25_000); // at the quota: still within it, 10,000 throttled
    Trace trace = new Trace(START, demand.length, Map.of("sonnet", demand));
    double[] beyond = Arrays.copyOf(demand, demand.length + 10);
    Arrays.fill(beyond, 140, 150, 30_000); // past it: 15,000 throttled a minute, none counted
    Trace past = new Trace(START, beyond.length, Map.of("sonnet", beyond));

    ModelTotals within = run(config, trace);
    ModelTotals both = run(config, past);

    assertThat(within.throttledTokens()).isEqualTo((5_000 * 10 + 10_000 * 10) * 60.0);
    assertThat(within.throttledWithinQuotaTokens()).isEqualTo(within.throttledTokens());
    assertThat(both.throttledTokens()).isEqualTo(within.throttledTokens() + 15_000 * 10 * 60.0);
    assertThat(both.throttledWithinQuotaTokens()).isEqualTo(within.throttledTokens());
    assertThat(both.throttledWithinQuotaPercent())
        .isCloseTo(100 * within.throttledTokens() / both.demandTokens(), within(1e-12));
  }

  @Test
  void throttlingInMinutesBusierThanTheWeekBeforeIsCountedApart() {
    // 10 units held; a burst to 20,000 (5,000 throttled a minute) that nothing before it reached,
    // then the same burst two days later: as busy as the first, so no record.
    CapacityConfig config = TestConfig.sonnet(10).set("sonnet", "maxUnits", 20).build();
    double[] demand = new double[3 * 1440];
    Arrays.fill(demand, 8_000);
    Arrays.fill(demand, 600, 610, 20_000);
    Arrays.fill(demand, 600 + 2 * 1440, 610 + 2 * 1440, 20_000);
    ModelTotals fresh = run(config, new Trace(START, demand.length, Map.of("sonnet", demand)));

    assertThat(fresh.throttledWithinQuotaTokens()).isEqualTo(2 * 5_000 * 10 * 60.0);
    // The first minute of the burst is the record; its next nine are only as busy.
    assertThat(fresh.throttledInRecordsTokens()).isEqualTo(5_000 * 60.0);
    assertThat(fresh.throttledInRecordsPercent())
        .isCloseTo(100 * 5_000 * 60.0 / fresh.demandTokens(), within(1e-12));

    // With a history that already held such a burst, neither is a record.
    double[] history = new double[1440];
    Arrays.fill(history, 8_000);
    history[100] = 20_000;
    Trace recorded =
        new Trace(START, demand.length, Map.of("sonnet", demand), Map.of("sonnet", history));
    ModelTotals seen = run(config, recorded);
    assertThat(seen.throttledWithinQuotaTokens()).isEqualTo(fresh.throttledWithinQuotaTokens());
    assertThat(seen.throttledInRecordsTokens()).isZero();
  }

  private static ModelTotals run(CapacityConfig config, Trace t) {
    SimulationResult r = Simulator.run(config, t, "static-peak", StaticPeakPolicy::new, null);
    assertThat(r.throttledWithinQuotaPercent())
        .isEqualTo(r.models().get("sonnet").throttledWithinQuotaPercent());
    return r.models().get("sonnet");
  }
}
