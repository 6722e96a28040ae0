package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.reconcile.DegradationLevel;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 2: CloudWatch's PT-ARN series arrive later than the on-demand series, so the
 * newest minutes hold the on-demand tokens alone (6,000 of 606,000 a minute). A model's minute
 * exists only when every series it sums has reported it; until then it is a gap, and nothing is
 * trimmed on it.
 */
class PartialMetricsFaultTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final int WARM = 200;

  @Test
  void ptSeriesArrivingLateReadAsAGapAndNothingIsTrimmed() {
    // 10,100 tps: 10 units' 10,000 on PTs, 100 spilled on demand (606,000 tokens a minute).
    Drill d =
        new Drill(
                TestConfig.sonnet(10).ecs().build(), Drill.trace(WARM + 120, "sonnet", m -> 10_100))
            .warmUp(WARM);
    int before = d.last().served().get("sonnet").inServiceUnits();
    int deletes = d.account.cloud().bedrock().deletes(SONNET);
    int ecsBefore = d.last().ecsDesired();

    // The PT series stop arriving for an hour (today's main trims 10 -> 0 units 17 minutes in).
    d.account.cloud().metrics().delayPtSeries(Duration.ofMinutes(60));
    List<Minute> late = d.run(30);

    assertThat(late)
        .allSatisfy(
            m -> {
              assertThat(m.served().get("sonnet").inServiceUnits()).isEqualTo(before);
              assertThat(m.ecsDesired()).isGreaterThanOrEqualTo(ecsBefore);
            });
    assertThat(d.account.cloud().bedrock().deletes(SONNET)).isEqualTo(deletes);
    // Once the last minutes read are gaps, the planner holds and says why; the health check names
    // the blind spot.
    assertThat(late.get(late.size() - 1).pass().plan().models().get("sonnet").reason())
        .contains("no scale-down on a partial view");
    assertThat(late.get(late.size() - 1).pass().degradation())
        .isEqualTo(DegradationLevel.SCHEDULE_ONLY);
    assertThat(late.stream().map(Minute::health).filter(Objects::nonNull).toList())
        .last()
        .satisfies(
            h ->
                assertThat(h.failures())
                    .anySatisfy(f -> assertThat(f.check()).isEqualTo("metrics")));

    // The PT datapoints arrive: every minute is whole again, nothing was lost.
    d.account.cloud().metrics().delayPtSeries(Duration.ZERO);
    List<Minute> after = d.run(10);
    assertThat(after.get(after.size() - 1).pass().plan().models().get("sonnet").reason())
        .startsWith("steady");
    assertThat(after).allSatisfy(m -> assertThat(m.throttled("sonnet")).isZero());
  }
}
