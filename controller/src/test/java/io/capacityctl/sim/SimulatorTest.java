package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ScheduleWindow;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.testing.TestConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled 28-day MangaAssist run through the production reconcile path: capacityctl serves
 * (throttles under 0.1% of tokens) and wastes less than running the schedule's peak 24/7.
 */
class SimulatorTest {
  /** The pre-capacityctl baseline: every model at its largest scheduled units, all day. */
  private record StaticPeak(CapacityConfig config) implements Policy {
    @Override
    public Plan plan(Observation observation, List<CapacityOverride> overrides, Instant now) {
      Map<String, ModelDecision> decisions = new LinkedHashMap<>();
      for (String key : config.modelKeys()) {
        int peak =
            config.schedule().stream()
                .map(ScheduleWindow::units)
                .mapToInt(u -> u.getOrDefault(key, 0))
                .max()
                .orElse(0);
        int current = observation.models().get(key).plannedUnits();
        decisions.put(key, new ModelDecision(key, current, peak, "static peak", false));
      }
      return new Plan(now, decisions, null);
    }

    @Override
    public HistoryWindow historyWindow() {
      return new HistoryWindow(1, 0);
    }
  }

  @Test
  void theDefaultRunServesAndWastesLessThanStaticPeak() {
    CapacityConfig config = TestConfig.mangaAssist();
    Trace trace = TraceGenerator.mangaAssist(42, 28);

    SimulationResult planned =
        Simulator.run(
            config, trace, "capacityctl", c -> new Planner(c, CapacityCalendar.of(c)), null);
    SimulationResult peak = Simulator.run(config, trace, "static-peak", StaticPeak::new, null);

    assertThat(planned.failedPasses()).isZero();
    assertThat(planned.throttledPercent()).isLessThan(0.1);
    assertThat(planned.meanWasteRatio()).isLessThan(peak.meanWasteRatio());
    assertThat(planned.bedrockCostUsd()).isLessThan(peak.bedrockCostUsd());
    assertThat(planned.ecsShortfallMinutes()).isZero();
    // Static peak runs 15 Sonnet + 5 Haiku units every minute of the 28 days.
    assertThat(peak.models().get("sonnet").unitHours()).isCloseTo(15 * 24 * 28, within(1.0));
  }
}
