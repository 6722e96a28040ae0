package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capacityctl trace import} as a user runs it: every input form, and every refusal. */
class TraceImportCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path input(String... lines) throws IOException {
    Path f = dir.resolve("series.csv");
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  private int run(Path in, String... options) {
    List<String> args = new ArrayList<>(List.of("trace", "import", in.toString()));
    args.addAll(List.of("--out", dir.resolve("trace.csv").toString()));
    args.addAll(List.of(options));
    return Main.run(
        new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
  }

  private Trace written(String... models) throws Exception {
    return TraceCsv.read(dir.resolve("trace.csv"), List.of(models));
  }

  /** Refused with exit 2, the file, line and field named, and nothing written. */
  private String refused(Path in, String... options) {
    int code = run(in, options);
    assertThat(code).as(out.toString()).isEqualTo(2);
    assertThat(dir.resolve("trace.csv")).doesNotExist();
    assertThat(err.toString()).doesNotContain("Exception").contains("nothing written");
    return err.toString();
  }

  @Test
  void fiveMinuteNaiveTimesInAZoneBecomeInterpolatedMinutesScaledToTheirP99() throws Exception {
    // 00:00 10, 00:05 20, 00:10 30 in Chicago (UTC-6 in January).
    Path in =
        input(
            "timestamp,value",
            "2015-01-05 00:00:00,10",
            "2015-01-05 00:05:00,20",
            "2015-01-05 00:10:00,30");

    int code =
        run(
            in,
            "--model",
            "chat",
            "--peak",
            "3000",
            "--peak-quantile",
            "1",
            "--zone",
            "America/Chicago",
            "--noise",
            "0");

    assertThat(code).as(err.toString()).isZero();
    Trace t = written("chat");
    assertThat(t.start()).isEqualTo(Instant.parse("2015-01-05T06:00:00Z"));
    assertThat(t.minutes()).isEqualTo(11);
    assertThat(t.demand().get("chat"))
        .containsExactly(1000, 1200, 1400, 1600, 1800, 2000, 2200, 2400, 2600, 2800, 3000);
    assertThat(out.toString())
        .contains("wrote 11 minutes", "p100 of the values (30.0000) is 3,000 tokens/s");
  }

  @Test
  void isoWithOffsetsEpochSecondsABomQuotesAndNoHeaderAreAccepted() throws Exception {
    Path in = dir.resolve("series.csv");
    Files.write(
        in,
        ("\uFEFF\"2015-01-05T00:00:00Z\",\"1,000\"\n".replace("1,000", "100")
                + "2015-01-05T01:01:00+01:00,\"200\"\n"
                + "1420416120,300\n")
            .getBytes(StandardCharsets.UTF_8));

    int code =
        run(in, "--model", "chat", "--tokens-per-event", "60", "--interval", "1m", "--noise", "0");

    assertThat(code).as(err.toString()).isZero();
    // 100 events a minute x 60 tokens = 100 tokens/s.
    assertThat(written("chat").demand().get("chat")).containsExactly(100, 200, 300);
  }

  @Test
  void namedColumnsPickTheTimestampAndValueOutOfAWiderExport() throws Exception {
    Path in = input("host,value,time", "a,5,2015-01-05T00:00:00Z", "a,7,2015-01-05T00:01:00Z");

    int code =
        run(
            in,
            "--model",
            "chat",
            "--columns",
            "time,value",
            "--tokens-per-event",
            "60",
            "--noise",
            "0");

    assertThat(code).as(err.toString()).isZero();
    assertThat(written("chat").demand().get("chat")).containsExactly(5, 7);
  }

  @Test
  void theRepeatedAutumnHourReadsInOrderAndTheSkippedSpringHourIsRefused() throws Exception {
    // New York, 2021-11-07: 01:00-02:00 happens twice (EDT, then EST).
    Path autumn =
        input(
            "2021-11-07 01:30:00,1",
            "2021-11-07 01:59:00,1",
            "2021-11-07 01:00:00,1",
            "2021-11-07 01:30:00,1");

    int code =
        run(
            autumn,
            "--model",
            "chat",
            "--tokens-per-event",
            "60",
            "--interval",
            "1m",
            "--zone",
            "America/New_York",
            "--noise",
            "0");

    assertThat(code).as(err.toString()).isZero();
    Trace t = written("chat");
    assertThat(t.start()).isEqualTo(Instant.parse("2021-11-07T05:30:00Z"));
    assertThat(t.minutes())
        .as("01:30 EDT to 01:30 EST is 60 minutes later, not back")
        .isEqualTo(61);

    Files.delete(dir.resolve("trace.csv"));
    Path spring = input("2021-03-14 01:55:00,1", "2021-03-14 02:30:00,1", "2021-03-14 03:05:00,1");
    String msg = refused(spring, "--model", "chat", "--peak", "1000", "--zone", "America/New_York");
    assertThat(msg)
        .contains(
            "series.csv:2: timestamp: '2021-03-14 02:30:00' does not exist in America/New_York:"
                + " clocks moved from 02:00 to 03:00 on 2021-03-14");
  }

  @Test
  void naiveTimesWithoutAZoneAreRefusedWithTheOption() throws Exception {
    String msg =
        refused(
            input("2015-01-05 00:00:00,1", "2015-01-05 00:05:00,2"),
            "--model",
            "chat",
            "--peak",
            "1000");
    assertThat(msg).contains("series.csv:1: timestamp:", "has no offset", "--zone");
    // A property of the file, said once: not once per row of a 15,000-row export.
    assertThat(msg).doesNotContain("series.csv:2:");
  }

  @Test
  void gapsUpToMaxGapAreInterpolatedLongerOnesRefusedOrFilledAsAsked() throws Exception {
    List<String> rows = new ArrayList<>();
    // Two days of 5-minute samples of the minute of the day, with 02:00-05:00 on day 2 missing.
    for (int m = 0; m < 2 * 1440; m += 5) {
      if (m >= 1440 + 120 && m < 1440 + 300) {
        continue;
      }
      rows.add(Instant.parse("2015-01-05T00:00:00Z").plusSeconds(60L * m) + "," + (m % 1440));
    }
    Path in = input(rows.toArray(String[]::new));

    String msg = refused(in, "--model", "chat", "--tokens-per-event", "300", "--max-gap", "1h");
    assertThat(msg)
        .contains("series.csv:" + (1440 / 5 + 120 / 5 + 1) + ": timestamp: a gap of 3 h 5 min")
        .contains("longer than --max-gap 1 h");

    assertThat(
            run(
                in,
                "--model",
                "chat",
                "--tokens-per-event",
                "300",
                "--max-gap",
                "4h",
                "--noise",
                "0"))
        .isZero();
    double[] linear = written("chat").demand().get("chat");
    assertThat(linear[1440 + 180])
        .as("interpolated straight across")
        .isCloseTo(115 + (300 - 115) * (65 / 185.0), within(1e-9));
    assertThat(out.toString()).contains("interpolated 1 gap(s)", "the longest 3 h 5 min");

    assertThat(
            run(
                in,
                "--model",
                "chat",
                "--tokens-per-event",
                "300",
                "--max-gap",
                "1h",
                "--long-gaps",
                "daily",
                "--noise",
                "0"))
        .isZero();
    double[] daily = written("chat").demand().get("chat");
    assertThat(daily[1440 + 180]).as("the day before, same minute").isEqualTo(180);
    assertThat(out.toString()).contains("by repeating the day before");
  }

  @Test
  void theP99NotTheMaximumSetsTheScaleSoOneAbsurdDatapointCannot() throws Exception {
    List<String> rows = new ArrayList<>();
    for (int m = 0; m < 1000; m++) {
      rows.add(
          Instant.parse("2015-01-05T00:00:00Z").plusSeconds(60L * m)
              + ","
              + (m == 500 ? 1_000_000 : 10 + m % 2));
    }
    assertThat(
            run(
                input(rows.toArray(String[]::new)),
                "--model",
                "chat",
                "--peak",
                "20000",
                "--noise",
                "0"))
        .isZero();
    double[] v = written("chat").demand().get("chat");
    assertThat(v[1]).isEqualTo(20000);
    assertThat(v[0]).isCloseTo(20000 * 10 / 11.0, within(0.1));
    assertThat(out.toString())
        .contains("the largest value (1.00000e+06) is 1,818,181,818 tokens/s");
  }

  @Test
  void everyBadRowIsNamedWithItsLine() throws Exception {
    String msg =
        refused(
            input(
                "timestamp,value",
                "2015-01-05T00:00:00Z,1",
                "yesterday,2",
                "2015-01-05T00:05:00Z,-3",
                "2015-01-05T00:06:00Z,NaN",
                "2015-01-05T00:07:00Z,Infinity",
                "2015-01-05T00:08:00Z,lots",
                "2015-01-05T00:09:00Z,1",
                "2015-01-05T00:09:00Z,1",
                "2015-01-05T00:08:30Z,1",
                "2015-01-05T00:10:00Z"),
            "--model",
            "chat",
            "--peak",
            "1000");
    assertThat(msg)
        .contains("series.csv:3: timestamp: 'yesterday' is not a timestamp")
        .contains("series.csv:4: value: '-3' must be a finite number >= 0")
        .contains("series.csv:5: value: 'NaN' must be a finite number >= 0")
        .contains("series.csv:6: value: 'Infinity' must be a finite number >= 0")
        .contains("series.csv:7: value: 'lots' is not a number")
        .contains("series.csv:9: timestamp: duplicate timestamp 2015-01-05T00:09:00Z (line 8)")
        .contains(
            "series.csv:10: timestamp: 2015-01-05T00:08:30Z is not after 2015-01-05T00:09:00Z (line 8)")
        .contains("series.csv:11: row: expected at least 2 fields, found 1")
        .contains("8 problem(s)");
  }

  /** Per-minute events of 60 tokens: a value of 1 is 1 token/s. */
  private int runOneTokenPerSecondPerEvent(Path in, String... more) {
    List<String> options =
        new ArrayList<>(List.of("--model", "chat", "--tokens-per-event", "60", "--interval", "1m"));
    options.addAll(List.of(more));
    return run(in, options.toArray(String[]::new));
  }

  @Test
  void repeatedTimestampsAreRefusedUnlessDuplicatesSaysWhichValueToKeep() throws Exception {
    // An hour of samples stamped with the end of a DST gap, as one public EC2 export has (twelve
    // rows at 03:00): here three rows at 00:02. One event a minute of 60 tokens is 1 token/s.
    Path in =
        input(
            "2015-01-05T00:00:00Z,1",
            "2015-01-05T00:01:00Z,2",
            "2015-01-05T00:02:00Z,3",
            "2015-01-05T00:02:00Z,12",
            "2015-01-05T00:02:00Z,9",
            "2015-01-05T00:03:00Z,4");
    String msg = refused(in, "--model", "chat", "--tokens-per-event", "60", "--interval", "1m");
    assertThat(msg)
        .contains(
            "series.csv:4: timestamp: duplicate timestamp 2015-01-05T00:02:00Z (line 3): rows must"
                + " be in increasing time order, one per timestamp (--duplicates max, mean, first"
                + " or last merges them)")
        .contains("series.csv:5: timestamp: duplicate timestamp")
        .contains("2 problem(s)");

    Map<String, List<Integer>> kept =
        Map.of(
            "max", List.of(1, 2, 12, 4),
            "mean", List.of(1, 2, 8, 4),
            "first", List.of(1, 2, 3, 4),
            "last", List.of(1, 2, 9, 4));
    for (Map.Entry<String, List<Integer>> e : kept.entrySet()) {
      out.getBuffer().setLength(0);
      int code = runOneTokenPerSecondPerEvent(in, "--noise", "0", "--duplicates", e.getKey());

      assertThat(code).as(err.toString()).isZero();
      double[] tps = written("chat").demand().get("chat");
      assertThat(tps).as(e.getKey()).hasSize(4);
      for (int i = 0; i < 4; i++) {
        assertThat(tps[i])
            .as("%s minute %d", e.getKey(), i)
            .isEqualTo((double) e.getValue().get(i));
      }
      assertThat(out.toString())
          .as(e.getKey())
          .contains("merged 2 row(s) repeating the timestamp before them into 1 timestamp(s), the ")
          .contains("the first at line 4");
    }

    // Merging never reorders: a row before the one above it is still refused, and a bad value
    // among the repeats is still named.
    Files.delete(dir.resolve("trace.csv"));
    err.getBuffer().setLength(0);
    Path bad =
        input(
            "2015-01-05T00:00:00Z,1",
            "2015-01-05T00:02:00Z,3",
            "2015-01-05T00:02:00Z,-1",
            "2015-01-05T00:01:00Z,2");
    int code = runOneTokenPerSecondPerEvent(bad, "--duplicates", "max");
    assertThat(code).isEqualTo(2);
    assertThat(dir.resolve("trace.csv")).doesNotExist();
    assertThat(err.toString())
        .contains("series.csv:3: value: '-1' must be a finite number >= 0")
        .contains(
            "series.csv:4: timestamp: 2015-01-05T00:01:00Z is not after 2015-01-05T00:02:00Z (line 2)")
        .doesNotContain("--duplicates max, mean");
    err.getBuffer().setLength(0);
    assertThat(run(in, "--model", "chat", "--peak", "1000", "--duplicates", "median")).isEqualTo(2);
    assertThat(err.toString()).contains("'--duplicates'", "'median'");
    assertThat(dir.resolve("trace.csv")).doesNotExist();
  }

  @Test
  void anEmptyFileAnUnterminatedQuoteAndAMissingFileAreRefused() throws Exception {
    assertThat(refused(input(""), "--model", "chat", "--peak", "1000"))
        .contains("series.csv: file: no data rows");
    err.getBuffer().setLength(0);
    assertThat(
            refused(
                input("2015-01-05T00:00:00Z,\"1", "2015-01-05T00:01:00Z,2"),
                "--model",
                "chat",
                "--peak",
                "1000"))
        .contains("series.csv:", "csv: malformed CSV: Missing closing quote");
    err.getBuffer().setLength(0);
    assertThat(refused(dir.resolve("absent.csv"), "--model", "chat", "--peak", "1000"))
        .contains("absent.csv: file: no such file");
  }

  @Test
  void aTwoGigabyteFileEndsInOneLineNotOutOfMemory() throws Exception {
    Path huge = dir.resolve("huge.csv");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L << 30); // sparse: no disk used
    }

    String msg = refused(huge, "--model", "chat", "--peak", "1000");

    assertThat(msg.lines().filter(l -> l.contains("huge.csv"))).hasSize(1);
    assertThat(msg)
        .contains("huge.csv: file: 2.0 GB is more than an imported series may hold (256 MB)");
  }

  @Test
  void badOptionsAreNamed() throws Exception {
    Path in = input("2015-01-05T00:00:00Z,1", "2015-01-05T00:01:00Z,2");
    assertThat(run(in, "--model", "chat", "--peak", "-5")).isEqualTo(2);
    assertThat(err.toString()).contains("--peak: must be");
    assertThat(run(in, "--model", "chat", "--peak", "5", "--zone", "Mars/Olympus")).isEqualTo(2);
    assertThat(err.toString()).contains("--zone: 'Mars/Olympus' is not an IANA time zone");
    assertThat(run(in, "--model", "chat")).isEqualTo(2);
    assertThat(err.toString()).contains("--peak", "--tokens-per-event");
    assertThat(dir.resolve("trace.csv")).doesNotExist();
  }

  @Test
  void rulesSharedWithBacktestAndRunAreOneLineNamingTheOptionAndWriteNothing() throws Exception {
    Path in = input("2015-01-05T00:00:00Z,1", "2015-01-05T00:01:00Z,2");
    Path missing = dir.resolve("missing").resolve("trace.csv");
    Map<String, List<String>> refusals =
        Map.of(
            "--noise: must be between 0 and 2, got 2.5",
            List.of("--noise", "2.5"),
            "--max-gap: must be positive, got PT0S",
            List.of("--max-gap", "0s"),
            "--interval: must be positive, got PT0S",
            List.of("--tokens-per-event", "5", "--interval", "0s"),
            "--out: directory " + missing.getParent() + " does not exist",
            List.of("--out", missing.toString()));
    for (Map.Entry<String, List<String>> r : refusals.entrySet()) {
      err.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of("trace", "import", in.toString()));
      args.addAll(List.of("--model", "chat"));
      if (!r.getValue().contains("--tokens-per-event")) {
        args.addAll(List.of("--peak", "1000"));
      }
      if (!r.getValue().contains("--out")) {
        args.addAll(List.of("--out", dir.resolve("trace.csv").toString()));
      }
      args.addAll(r.getValue());

      int code =
          Main.run(
              new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

      assertThat(code).as(r.getKey()).isEqualTo(2);
      assertThat(err.toString().lines()).as(r.getKey()).containsExactly(r.getKey());
    }
    assertThat(dir.resolve("trace.csv")).doesNotExist();
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void aSecondModelIsAddedToAnExistingTraceOverTheMinutesBothCover() throws Exception {
    Path first = input("2015-01-05T00:00:00Z,1", "2015-01-05T00:10:00Z,1");
    assertThat(
            run(
                first,
                "--model",
                "sonnet",
                "--tokens-per-event",
                "60",
                "--interval",
                "1m",
                "--noise",
                "0"))
        .isZero();
    Path second = dir.resolve("second.csv");
    Files.writeString(second, "2015-01-05T00:05:00Z,2\n2015-01-05T00:20:00Z,2\n");

    int code =
        run(
            second,
            "--model",
            "haiku",
            "--tokens-per-event",
            "60",
            "--interval",
            "1m",
            "--noise",
            "0",
            "--add-to",
            dir.resolve("trace.csv").toString());

    assertThat(code).as(err.toString()).isZero();
    Trace both = written("sonnet", "haiku");
    assertThat(both.start()).isEqualTo(Instant.parse("2015-01-05T00:05:00Z"));
    assertThat(both.minutes()).isEqualTo(6);
    assertThat(both.models()).containsExactly("sonnet", "haiku");
    assertThat(both.demand().get("haiku")).containsOnly(2);
  }

  @Test
  void theSameSeedGivesTheSameNoisyMinutesAndAnotherSeedOthers() throws Exception {
    List<String> rows = new ArrayList<>();
    for (int m = 0; m <= 600; m += 5) {
      rows.add(Instant.parse("2015-01-05T00:00:00Z").plusSeconds(60L * m) + ",100");
    }
    Path in = input(rows.toArray(String[]::new));
    assertThat(run(in, "--model", "chat", "--peak", "20000", "--seed", "7")).isZero();
    double[] a = written("chat").demand().get("chat");
    assertThat(run(in, "--model", "chat", "--peak", "20000", "--seed", "7")).isZero();
    double[] b = written("chat").demand().get("chat");
    assertThat(run(in, "--model", "chat", "--peak", "20000", "--seed", "8")).isZero();
    double[] c = written("chat").demand().get("chat");

    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
    assertThat(java.util.Arrays.stream(a).anyMatch(v -> Math.abs(v - 20000) > 2000))
        .as("noise moves minutes off the flat level")
        .isTrue();
  }

  @Test
  void jsonOutputSaysWhatWasWritten() throws Exception {
    Path in = input("2015-01-05T00:00:00Z,1", "2015-01-05T00:02:00Z,1");

    int code = run(in, "--model", "chat", "--tokens-per-event", "60", "--noise", "0", "-o", "json");

    assertThat(code).as(err.toString()).isZero();
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(doc.get("minutes").asInt()).isEqualTo(3);
    assertThat(doc.get("models").get(0).asText()).isEqualTo("chat");
    assertThat(doc.get("start").asText()).isEqualTo("2015-01-05T00:00:00Z");
    assertThat(doc.get("notes").get(1).asText())
        .as("the interval defaults to the samples' usual spacing")
        .startsWith("scale: each value counts events per 2 min");
  }

  @Test
  void anHourlyExportReadsWithTheDefaultMaxGapAndAMissingHourIsInterpolated() throws Exception {
    // Hourly sums of tokens (a 60-minute CloudWatch export), 03:00 missing.
    Path in =
        input(
            "2015-01-05T00:00:00Z,360000",
            "2015-01-05T01:00:00Z,360000",
            "2015-01-05T02:00:00Z,720000",
            "2015-01-05T04:00:00Z,720000");

    int code = run(in, "--model", "chat", "--tokens-per-event", "1", "--noise", "0");

    assertThat(code).as(err.toString()).isZero();
    double[] v = written("chat").demand().get("chat");
    assertThat(v).hasSize(241);
    assertThat(v[0]).as("360,000 tokens an hour").isEqualTo(100);
    assertThat(v[90]).isEqualTo(150);
    assertThat(v[180]).isEqualTo(200);
    assertThat(out.toString())
        .contains("usually 1 h apart", "interpolated 1 gap(s)", "the longest 2 h");
  }

  @Test
  void aSeriesSpanningDecadesIsRefusedUnlessDaysKeepsFewer() throws Exception {
    Path in = input("0,1", "2015-01-05T00:00:00Z,1");

    String msg = refused(in, "--model", "chat", "--peak", "1000", "--long-gaps", "linear");
    assertThat(msg).contains("series.csv:2: timestamp: the series spans 16440 days", "--days");

    assertThat(
            run(
                in,
                "--model",
                "chat",
                "--peak",
                "1000",
                "--long-gaps",
                "linear",
                "--days",
                "2",
                "--noise",
                "0"))
        .isZero();
    assertThat(written("chat").minutes()).isEqualTo(2 * 1440);
    assertThat(out.toString()).contains("kept the first 2 days");
  }
}
