package io.capacityctl.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.sim.TimelineRecorder;
import io.capacityctl.sim.TimelineRow;
import io.capacityctl.sim.TimelineSink;
import io.capacityctl.sim.TimelineWriter;
import io.capacityctl.sim.Trace;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** simulate --timeline with --report: the CSV and the charts both see every minute. */
class ReportTimelinesTest {
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void aPolicyWithATimelineFileAndAChartFeedsBothTheSameRows() throws IOException {
    ReportTimelines charts =
        new ReportTimelines(
            new Trace(START, 2, Map.of("sonnet", new double[2])), PolicyName.SCHEDULE_ONLY);
    StringWriter csv = new StringWriter();
    try (TimelineWriter file = new TimelineWriter(csv)) {
      Map<PolicyName, TimelineSink> sinks = charts.sinks(Map.of(PolicyName.CAPACITYCTL, file));
      sinks
          .get(PolicyName.CAPACITYCTL)
          .row(new TimelineRow(START.plusSeconds(60), "sonnet", 1234.5, 3, 2, 2000, 0, 4, 5));
    }

    assertThat(csv.toString().lines())
        .containsExactly(
            TimelineWriter.HEADER, "2026-12-01T00:01:00Z,sonnet,1234.5,3,2,2000.0,0.0,4,5");
    TimelineRecorder recorded = charts.of(PolicyName.CAPACITYCTL);
    assertThat(recorded.models().get("sonnet").demand()).containsExactly(0, 1234.5);
    assertThat(recorded.models().get("sonnet").target()).containsExactly(0, 3);
    assertThat(recorded.ecsRunning()).containsExactly(0, 5);
    assertThat(charts.of(PolicyName.SCHEDULE_ONLY).models()).isEmpty();
  }

  @Test
  void aPolicyThatIsNotChartedKeepsItsOwnSinkAlone() {
    ReportTimelines charts =
        new ReportTimelines(
            new Trace(START, 1, Map.of("sonnet", new double[1])), PolicyName.SCHEDULE_ONLY);
    List<TimelineRow> seen = new ArrayList<>();
    TimelineSink own = seen::add;

    Map<PolicyName, TimelineSink> sinks = charts.sinks(Map.of(PolicyName.ORACLE, own));

    assertThat(sinks.get(PolicyName.ORACLE)).isSameAs(own);
    assertThat(sinks.keySet())
        .containsExactlyInAnyOrder(
            PolicyName.CAPACITYCTL, PolicyName.SCHEDULE_ONLY, PolicyName.ORACLE);
  }
}
