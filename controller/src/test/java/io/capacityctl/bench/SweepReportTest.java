package io.capacityctl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.bench.CorpusSweep.Case;
import io.capacityctl.bench.CorpusSweep.Run;
import io.capacityctl.bench.CorpusSweep.SweepOptions;
import io.capacityctl.bench.SweepReport.Spread;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.sim.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's arithmetic: ratios against the same seed's oracle, worst first, JSON round trip. */
class SweepReportTest {
  @TempDir Path dir;

  private static final List<Run> RUNS =
      List.of(
          new Run("calm", 1, "oracle", 100, 0, 0),
          new Run("calm", 1, "capacityctl", 110, 0.01, 0.01),
          new Run("calm", 2, "oracle", 200, 0, 0),
          new Run("calm", 2, "capacityctl", 204, 0, 0),
          new Run("calm", 3, "oracle", 50, 0, 0),
          new Run("calm", 3, "capacityctl", 60, 0.02, 0.02),
          new Run("storm", 1, "oracle", 100, 5, 0),
          new Run("storm", 1, "capacityctl", 300, 6, 0.4));

  @Test
  void eachRatioIsAgainstItsOwnSeedsOracleAndTheWorstScenarioComesFirst() {
    List<Spread> s = SweepReport.spreads(RUNS);

    assertThat(s.get(0).scenario()).as("capacityctl's worst ratio 3.0 leads").isEqualTo("storm");
    Spread calm =
        s.stream()
            .filter(x -> x.scenario().equals("calm") && x.policy().equals("capacityctl"))
            .findFirst()
            .orElseThrow();
    assertThat(calm.ratioWorst()).isCloseTo(1.2, within(1e-12));
    assertThat(calm.worstSeed()).isEqualTo(3);
    assertThat(calm.ratioMedian()).isCloseTo(1.1, within(1e-12));
    assertThat(calm.ratioBest()).isCloseTo(1.02, within(1e-12));
    assertThat(calm.throttledWorst()).isEqualTo(0.02);
    Spread storm =
        s.stream()
            .filter(x -> x.scenario().equals("storm") && x.policy().equals("capacityctl"))
            .findFirst()
            .orElseThrow();
    assertThat(storm.excessThrottledWorst())
        .as("throttled beyond the oracle's")
        .isCloseTo(1, within(1e-12));
    assertThat(storm.withinQuotaWorst()).as("where the quota could serve").isEqualTo(0.4);
    assertThat(calm.withinQuotaWorst()).isEqualTo(0.02);
  }

  @Test
  void aComparisonMarksAWorseWorstCase() throws Exception {
    List<Run> now = new java.util.ArrayList<>(RUNS);
    now.set(1, new Run("calm", 1, "capacityctl", 130, 0.01, 0.01));

    assertThat(
            comparedWithRuns(now)
                .filter(
                    l -> l.contains("capacityctl") && l.contains("1.200") && l.contains("1.300")))
        .singleElement()
        .asString()
        .endsWith("worse");
  }

  @Test
  void aComparisonMarksMoreThrottledWithinTheQuotaAsWorse() throws Exception {
    List<Run> now = new java.util.ArrayList<>(RUNS);
    // The same cost and total throttled share; more of it where the quota could serve it.
    now.set(7, new Run("storm", 1, "capacityctl", 300, 6, 0.9));

    assertThat(comparedWithRuns(now).filter(l -> l.contains("capacityctl") && l.contains("0.4000")))
        .singleElement()
        .asString()
        .contains("0.9000")
        .endsWith("worse");
  }

  /** The lines of {@code now}'s sweep compared against RUNS' (written to JSON and read back). */
  private java.util.stream.Stream<String> comparedWithRuns(List<Run> now) throws Exception {
    SweepOptions o = SweepOptions.parse(new String[] {"--seeds", "1-3"});
    Path before = dir.resolve("before.json");
    new SweepReport(o, RUNS, 1, 1).writeJson(before);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    new SweepReport(o, now, 1, 1)
        .compare(SweepReport.readJson(before), new PrintStream(buf, true, StandardCharsets.UTF_8));
    return buf.toString(StandardCharsets.UTF_8).lines();
  }

  @Test
  void badOptionsAreNamed() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> SweepOptions.parse(new String[] {"--seeds", "x"})))
        .hasMessageContaining("--seeds");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> SweepOptions.parse(new String[] {"--scenarios", "nope"})))
        .hasMessageContaining("--scenarios: unknown scenario 'nope'");
    assertThat(SweepOptions.parse(new String[0]).seeds())
        .containsExactly(1000L, 1001L, 1002L, 1003L, 1004L);
    assertThat(SweepOptions.parse(new String[] {"--seeds", "held-out"}).seeds())
        .hasSize(20)
        .startsWith(5000L)
        .endsWith(5019L);
  }

  @Test
  void seriesOutsideTheCorpusAreImportedAndScoredWithTheGenericConfiguration() throws Exception {
    // Three days of a 5-minute series: imported at a p99 of 30,000 tokens/s for model chat.
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    LocalDateTime t0 = LocalDateTime.parse("2015-02-26T00:00:00");
    for (int i = 0; i < 3 * 288; i++) {
      csv.append(t0.plusMinutes(5L * i).toString().replace('T', ' '))
          .append(':')
          .append("00,")
          .append(10 + i % 7)
          .append('\n');
    }
    Files.writeString(dir.resolve("Twitter_volume_X.csv"), csv);
    Files.writeString(dir.resolve("notes.txt"), "not a series");

    SweepOptions o =
        SweepOptions.parse(new String[] {"--scenarios", "none", "--series", dir.toString()});
    List<Case> cases = CorpusSweep.corpus(o);

    assertThat(cases).extracting(Case::name).containsExactly("Twitter_volume_X");
    assertThat(cases.get(0).configResource()).isEqualTo("bench/series-generic.yaml");
    Trace trace = cases.get(0).source().trace(1001);
    assertThat(trace.models()).containsExactly("chat");
    // Values 10-16 with their p99 (16) at 30,000 tokens/s: a mean of 13 is about 24,400 (the
    // minute noise spreads the minutes, not their mean).
    double sum = 0;
    for (int m = 0; m < trace.minutes(); m++) {
      sum += trace.at("chat", m);
    }
    assertThat(sum / trace.minutes()).isBetween(22_000.0, 27_000.0);
    // The configuration loads and names the model the series is imported for.
    assertThat(ConfigLoader.loadResource(cases.get(0).configResource()).models())
        .containsKey("chat");
  }

  @Test
  void aSeriesDirectoryWithoutASeriesIsRefused() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> SweepOptions.parse(new String[] {"--series", empty.toString()})))
        .hasMessageContaining("--series: no .csv file in");
  }
}
