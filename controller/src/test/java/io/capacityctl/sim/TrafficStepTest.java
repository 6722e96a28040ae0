package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.testing.SimAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficStepTest {
  static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

  @Test
  void routedUnitsServeFirstThenOnDemandHeadroomAndTheRestIsThrottledAndRecorded() {
    CapacityConfig c = SimAccounts.mangaAssist(); // sonnet: 1,000 tps per unit, 5,000 on demand
    SimulatedCloud cloud = new SimulatedCloud(c, T0, 2);
    cloud
        .routes()
        .publish(
            new RouteTable(
                c.name(),
                T0,
                Map.of(
                    "sonnet",
                    new ModelRoutes(
                        c.model("sonnet").modelId(),
                        List.of(
                            new Route("arn:a", 2, null),
                            new Route("arn:b", 3, T0)))))); // draining: serves nobody
    Trace trace =
        new Trace(T0, 2, Map.of("sonnet", new double[] {9000, 1500}, "haiku", new double[] {0, 0}));
    TrafficStep step = new TrafficStep(c, cloud);

    TrafficStep.Served busy = step.serve(trace, 0).get("sonnet");
    TrafficStep.Served quiet = step.serve(trace, 1).get("sonnet");

    assertThat(busy).isEqualTo(new TrafficStep.Served(9000, 2, 2000, 2000, 5000, 2000));
    assertThat(quiet).isEqualTo(new TrafficStep.Served(1500, 2, 2000, 1500, 0, 0));
    cloud.clock().set(T0.plus(Duration.ofMinutes(2)));
    MinuteSeries s =
        cloud
            .metrics()
            .read(List.of("sonnet"), List.of(new TimeRange(T0, cloud.clock().instant())))
            .get("sonnet")
            .get(0);
    assertThat(s.tokens()).containsExactly(7000 * 60.0, 1500 * 60.0);
    assertThat(s.throttles()).containsExactly(2000 * 60 / 1000.0, 0.0);
    assertThat(s.demandTps(0)).isEqualTo(9000.0); // served plus what throttling turned away
  }
}
