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

  private static ModelTotals run(CapacityConfig config, Trace t) {
    SimulationResult r = Simulator.run(config, t, "static-peak", StaticPeakPolicy::new, null);
    assertThat(r.throttledWithinQuotaPercent())
        .isEqualTo(r.models().get("sonnet").throttledWithinQuotaPercent());
    return r.models().get("sonnet");
  }
}
