package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import io.capacityctl.traceimport.RealScenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bundled real-shaped scenarios: each imports, fits its bundled configuration, and runs under
 * {@code simulate --scenario NAME}; {@code --days} cuts a trace and says so.
 */
class SimulateRealScenarioTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(RealScenario.class)
  void eachScenarioImportsFitsItsConfigAndSimulates(RealScenario scenario) throws Exception {
    CapacityConfig config = ConfigLoader.loadResource(scenario.configResource());
    Trace trace = scenario.trace(42, 0);

    assertThat(config.name()).isEqualTo(scenario.label());
    assertThat(trace.models()).containsExactlyInAnyOrderElementsOf(config.modelKeys());
    assertThat(trace.minutes())
        .as("at least two weeks of minutes")
        .isGreaterThanOrEqualTo(14 * 1440);
    for (String model : trace.models()) {
      assertThat(
              Arrays.stream(trace.demand().get(model)).allMatch(v -> v >= 0 && Double.isFinite(v)))
          .isTrue();
    }

    CliRun run = CliRun.system("simulate", "--scenario", scenario.label(), "--days", "1");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "trace real-shaped "
                + scenario.label()
                + " (noise seed 42, 1 days); the first 360 minutes are history (in CloudWatch at"
                + " the first pass, not replayed or scored), 1080 minutes")
        .contains("capacityctl", "oracle");
  }

  @Test
  void theNoiseSeedChangesTheMinutesNotTheShape() throws Exception {
    Trace a = RealScenario.TWEETS_FB.trace(1, 7);
    Trace b = RealScenario.TWEETS_FB.trace(2, 7);
    double[] x = a.demand().get("chat");
    double[] y = b.demand().get("chat");

    assertThat(x).isNotEqualTo(y);
    assertThat(RealScenario.TWEETS_FB.trace(1, 7).demand().get("chat")).containsExactly(x);
    assertThat(Arrays.stream(x).sum() / Arrays.stream(y).sum()).isBetween(0.97, 1.03);
  }

  @Test
  void theDocumentedCliRecipeGivesTheBundledTrace() throws Exception {
    Path out = dir.resolve("fb.csv");
    CliRun run =
        CliRun.system(
            "trace",
            "import",
            "../schedules/src/main/resources/traces/nab/Twitter_volume_FB.csv",
            "--model",
            "chat",
            "--peak",
            "60000",
            "--zone",
            "UTC",
            "--seed",
            String.valueOf(42 * 31),
            "--out",
            out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    double[] cli = TraceCsv.read(out, List.of("chat")).demand().get("chat");
    double[] bundled = RealScenario.TWEETS_FB.trace(42, 0).demand().get("chat");
    assertThat(cli).hasSameSizeAs(bundled);
    for (int i = 0; i < cli.length; i++) {
      assertThat(cli[i]).isCloseTo(bundled[i], org.assertj.core.api.Assertions.within(0.05));
    }
  }

  @Test
  void theBundledSeriesTravelWithTheirLicence() throws IOException {
    try (InputStream licence =
        getClass().getClassLoader().getResourceAsStream("schedules/traces/nab/LICENSE.txt")) {
      assertThat(licence).isNotNull();
      assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8))
          .contains("Copyright 2014-2024 Numenta Inc.", "Permission is hereby granted");
    }
    try (InputStream readme =
        getClass().getClassLoader().getResourceAsStream("schedules/traces/nab/README.md")) {
      assertThat(readme).isNotNull();
    }
  }

  @Test
  void daysWithATraceReplaysTheFirstDaysAndSaysSo() throws IOException {
    Path trace = dir.resolve("two-days.csv");
    SimulateCommandTest.writeFlatTrace(trace, 2 * 1440);

    CliRun cut = CliRun.system("simulate", "--trace", trace.toString(), "--days", "1");
    CliRun whole = CliRun.system("simulate", "--trace", trace.toString());

    assertThat(cut.code()).as(cut.err()).isZero();
    // A recorded trace shorter than four days keeps its first quarter as history.
    assertThat(cut.out()).contains(trace + " (first 1 days); the first 360 minutes are history");
    assertThat(cut.out()).contains("scored), 1080 minutes");
    assertThat(whole.out()).contains(trace + "; the first 720 minutes are history");
    assertThat(whole.out())
        .contains("scored), " + Duration.ofDays(2).toMinutes() * 3 / 4 + " minutes");
  }

  @Test
  void aTwoGigabyteTraceEndsInOneLineAndExitTwo() throws IOException {
    Path huge = dir.resolve("huge.csv");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L << 30); // sparse: no disk used
    }

    CliRun run = CliRun.system("simulate", "--trace", huge.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            huge
                + ": file: 2.0 GB is more than a trace may hold (256 MB); split it or keep fewer days");
  }
}
