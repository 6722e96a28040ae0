package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.backtest.StaticPeakPolicy;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Planner;
import io.capacityctl.testing.TestConfig;
import org.junit.jupiter.api.Test;

/**
 * The bundled 28-day MangaAssist run through the production reconcile path: capacityctl serves
 * (throttles under 0.1% of tokens) and wastes less than running the schedule's peak 24/7.
 */
class SimulatorTest {
  @Test
  void theDefaultRunServesAndWastesLessThanStaticPeak() {
    CapacityConfig config = TestConfig.mangaAssist();
    Trace trace = TraceGenerator.mangaAssist(42, 28);

    SimulationResult planned =
        Simulator.run(
            config, trace, "capacityctl", c -> new Planner(c, CapacityCalendar.of(c)), null);
    SimulationResult peak =
        Simulator.run(config, trace, "static-peak", StaticPeakPolicy::new, null);

    assertThat(planned.failedPasses()).isZero();
    assertThat(planned.throttledPercent()).isLessThan(0.1);
    assertThat(planned.meanWasteRatio()).isLessThan(peak.meanWasteRatio());
    assertThat(planned.bedrockCostUsd()).isLessThan(peak.bedrockCostUsd());
    // Tasks start two minutes after demand jumps (the 5x release): a few minutes at most.
    assertThat(planned.ecsShortfallMinutes())
        .isLessThan(peak.ecsShortfallMinutes())
        .isLessThan(trace.minutes() / 1000);
    // Static peak runs 15 Sonnet + 5 Haiku units every minute of the 28 days.
    assertThat(peak.models().get("sonnet").unitHours()).isCloseTo(15 * 24 * 28, within(1.0));
  }
}
