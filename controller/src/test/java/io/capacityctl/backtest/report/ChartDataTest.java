package io.capacityctl.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.Results;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.TimelineRow;
import io.capacityctl.sim.Trace;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDataTest {

  @Test
  void offsetsFollowTheConfigZoneAcrossTheEndOfDst() {
    // 2026-11-01 00:00 EDT; New York falls back at 02:00 EDT (06:00Z), two hours in.
    Instant start = Instant.parse("2026-11-01T04:00:00Z");
    ChartData.Data data = of(inZone("America/New_York"), recorded(start, 1440));

    assertThat(data.offsets()).containsExactly(new int[] {0, -240}, new int[] {120, -300});
  }

  @Test
  void aZoneWithoutDstHasOneOffset() {
    Instant start = Instant.parse("2026-12-01T15:00:00Z");
    ChartData.Data data = of(inZone("Asia/Tokyo"), recorded(start, 1440));

    assertThat(data.offsets()).containsExactly(new int[] {0, 540});
  }

  @Test
  void unitsAreStoredWhereTheyChangeAndDemandAsRoundedDifferences() {
    Instant start = Instant.parse("2026-12-01T15:00:00Z");
    ReportTimelines t = recorded(start, 4);
    double[] demand = {1000.4, 1500.6, 1500.2, 900};
    int[] units = {2, 2, 3, 3};
    for (PolicyName p : t.charted()) {
      for (int i = 0; i < 4; i++) {
        t.of(p)
            .row(
                new TimelineRow(
                    start.plusSeconds(60L * i),
                    "sonnet",
                    demand[i],
                    units[i],
                    units[i],
                    0,
                    0,
                    0,
                    0));
      }
    }

    ChartData.Model sonnet = of(inZone("Asia/Tokyo"), t).models().get(0);

    assertThat(sonnet.demand()).containsExactly(1000, 501, -1, -600);
    assertThat(sonnet.runs().get("capacityctl").units())
        .containsExactly(new int[] {0, 2}, new int[] {2, 3});
  }

  /** The chart data of recorded timelines, with empty totals for the charted policies. */
  private static ChartData.Data of(CapacityConfig config, ReportTimelines t) {
    Map<PolicyName, SimulationResult> results = new EnumMap<>(PolicyName.class);
    t.charted().forEach(p -> results.put(p, Results.empty(p.label(), config.modelKeys())));
    return ChartData.of(config, t, results);
  }

  private static CapacityConfig inZone(String zone) {
    CapacityConfig c = SpikeRun.get().config();
    return new CapacityConfig(
        c.name(),
        ZoneId.of(zone),
        c.models(),
        c.ecs(),
        c.schedule(),
        c.events(),
        c.policy(),
        c.budget(),
        c.aws(),
        c.source());
  }

  /** Timelines with every model recorded at zero for {@code minutes} minutes. */
  private static ReportTimelines recorded(Instant start, int minutes) {
    double[] zeros = new double[minutes];
    Trace trace = new Trace(start, minutes, Map.of("sonnet", zeros, "haiku", zeros));
    ReportTimelines t = new ReportTimelines(trace, PolicyName.SCHEDULE_ONLY);
    for (PolicyName p : t.charted()) {
      for (int i = 0; i < minutes; i++) {
        for (String model : trace.models()) {
          t.of(p).row(new TimelineRow(start.plusSeconds(60L * i), model, 0, 0, 0, 0, 0, 0, 0));
        }
      }
    }
    return t;
  }
}
