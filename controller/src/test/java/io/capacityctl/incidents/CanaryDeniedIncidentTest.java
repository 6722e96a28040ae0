package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.ports.CloudException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Incident 4 under the canary reading of a lead time: the purchase permission is gone before a
 * release with a 4-hour lead time. The canary, bought when the lead time starts, is what finds it:
 * the pass fails naming the denied action and health alarms hours before the bulk is due, and
 * nothing is bought.
 */
class CanaryDeniedIncidentTest {
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final int WARM = 200;
  // Sunday 2027-01-10 03:00 EST.
  private static final Instant START = Instant.parse("2027-01-10T08:00:00Z");
  private static final Instant TRACE = START.minus(Duration.ofHours(9));

  @Test
  void theCanaryFindsTheMissingPermissionHoursBeforeTheBulk() {
    Drill d =
        new Drill(
                DstLeadTimeFaultTest.SUNDAY_RELEASE,
                Drill.trace(TRACE, 10 * 60, "sonnet", m -> 2000))
            .warmUp(WARM);
    int units = d.account.cloud().bedrock().billedUnits("anthropic.sonnet-v1:0");
    d.account.cloud().bedrock().faults().failAlways(CREATE, Kind.ACCESS_DENIED);

    List<Minute> minutes = d.run(5 * 60 - WARM + 30); // until 04:30Z, half an hour into the lead

    Minute failed = minutes.stream().filter(m -> m.pass().failed()).findFirst().orElseThrow();
    assertThat(at(failed)).isEqualTo(START.minus(Duration.ofHours(4)));
    assertThat(failed.pass().plan().models().get("sonnet").reason()).contains("canary 1 unit");
    assertThat(failed.pass().failures())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.ACCESS_DENIED);
              assertThat(f.awsAction()).isEqualTo(CREATE);
            });
    Minute alarmed =
        minutes.stream()
            .filter(m -> m.health() != null && m.health().capacityMismatches() > 0)
            .findFirst()
            .orElseThrow();
    assertThat(alarmed.minute() - failed.minute()).isBetween(0, Drill.HEALTH_EVERY);
    assertThat(alarmed.health().failures())
        .extracting(HealthFinding::detail)
        .anySatisfy(s -> assertThat(s).contains(CREATE));
    // 3h37m30s of warning before the bulk (22m30s before the start) would have been bought.
    assertThat(Duration.between(at(alarmed), START.minus(Duration.ofSeconds(22 * 60 + 30))))
        .isGreaterThan(Duration.ofHours(3));
    assertThat(d.account.cloud().bedrock().billedUnits("anthropic.sonnet-v1:0")).isEqualTo(units);
  }

  private static Instant at(Minute m) {
    return TRACE.plus(Duration.ofMinutes(m.minute()));
  }
}
