package io.capacityctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.capacityctl.config.ConfigException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace CSV: every bad row is rejected with its line; a valid file round-trips. */
class TraceCsvTest {
  private static final List<String> MODELS = List.of("sonnet", "haiku");
  private static final String HEADER = "timestamp,model,tokens_per_second";

  @TempDir Path dir;

  private Path file(String... lines) throws IOException {
    Path f = dir.resolve("trace.csv");
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  /** The error message for a file, which must name the file and the line. */
  private String errorFor(String... lines) throws IOException {
    Path f = file(lines);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> TraceCsv.read(f, MODELS));
    assertThat(e).as("expected the trace to be rejected").isNotNull();
    return e.getMessage();
  }

  @Test
  void anUnknownModelNamesItsLine() throws IOException {
    String msg =
        errorFor(
            HEADER,
            "2027-01-06T00:00:00Z,sonnet,100",
            "2027-01-06T00:00:00Z,opus,50",
            "2027-01-06T00:00:00Z,haiku,50");

    assertThat(msg).contains("trace.csv:3: model: unknown model 'opus'");
  }

  @Test
  void aMissingMinuteNamesTheLineAfterTheGap() throws IOException {
    String msg =
        errorFor(
            HEADER,
            "2027-01-06T00:00:00Z,sonnet,100",
            "2027-01-06T00:00:00Z,haiku,50",
            "2027-01-06T00:01:00Z,haiku,50",
            "2027-01-06T00:02:00Z,sonnet,100",
            "2027-01-06T00:02:00Z,haiku,50");

    assertThat(msg)
        .contains("trace.csv:5: timestamp: missing minute(s) for sonnet: 2027-01-06T00:01:00Z");
  }

  @Test
  void aModelWithoutRowsIsRejected() throws IOException {
    String msg = errorFor(HEADER, "2027-01-06T00:00:00Z,sonnet,100");

    assertThat(msg)
        .contains("no rows for model 'haiku'", "models are sonnet, haiku", "--config", "--add-to");
  }

  @Test
  void anUnparsableRowNamesItsLine() throws IOException {
    String msg =
        errorFor(
            HEADER,
            "2027-01-06T00:00:00Z,sonnet,100",
            "garbage",
            "2027-01-06T00:00:00Z,haiku,lots",
            "2027-01-06T00:01:00Z,haiku,-5");

    assertThat(msg)
        .contains("trace.csv:3: row: expected 3 fields, found 1")
        .contains("trace.csv:4: tokens_per_second: 'lots' is not a number")
        .contains("trace.csv:5: tokens_per_second: '-5' must be a number >= 0");
  }

  @Test
  void aBadTimestampNamesItsLine() throws IOException {
    String msg =
        errorFor(
            HEADER,
            "2027-01-06 00:00:00,sonnet,100",
            "2027-13-06T00:00:00Z,haiku,50",
            "2027-01-06T00:00:30Z,haiku,50");

    assertThat(msg)
        .contains("trace.csv:2: timestamp: '2027-01-06 00:00:00' must be UTC ISO-8601 ending in Z")
        .contains("trace.csv:3: timestamp: '2027-13-06T00:00:00Z' is not an ISO-8601 instant")
        .contains("trace.csv:4: timestamp: '2027-01-06T00:00:30Z' is not a whole minute");
  }

  @Test
  void aDuplicateRowNamesBothLines() throws IOException {
    String msg =
        errorFor(
            HEADER,
            "2027-01-06T00:00:00Z,sonnet,100",
            "2027-01-06T00:00:00Z,haiku,50",
            "2027-01-06T00:00:00Z,sonnet,120");

    assertThat(msg).contains("trace.csv:4: timestamp: duplicate row for sonnet").contains("line 2");
  }

  @Test
  void aWrongHeaderIsRejectedOnLineOne() throws IOException {
    String msg = errorFor("time,model,tps", "2027-01-06T00:00:00Z,sonnet,100");

    assertThat(msg)
        .contains("trace.csv:1: header: expected '" + HEADER + "', found 'time,model,tps'");
  }

  @Test
  void aValidTraceRoundTrips() throws IOException, ConfigException {
    Instant start = Instant.parse("2027-01-06T00:00:00Z");
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put("sonnet", new double[] {100.5, 0, 12_345.6});
    demand.put("haiku", new double[] {50, 60.1, 70});
    Trace trace = new Trace(start, 3, demand);
    Path f = dir.resolve("written.csv");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      TraceCsv.write(trace, w);
    }

    Trace read = TraceCsv.read(f, MODELS);

    assertThat(Files.readAllLines(f).get(0)).isEqualTo(HEADER);
    assertThat(read.start()).isEqualTo(start);
    assertThat(read.minutes()).isEqualTo(3);
    assertThat(read.demand().get("sonnet")).containsExactly(100.5, 0, 12_345.6);
    assertThat(read.demand().get("haiku")).containsExactly(50, 60.1, 70);
  }

  @Test
  void aByteOrderMarkAndQuotedFieldsAreRead() throws IOException, ConfigException {
    Path f = dir.resolve("excel.csv");
    Files.write(
        f,
        ("\uFEFF"
                + HEADER
                + "\r\n"
                + "\"2027-01-06T00:00:00Z\",\"sonnet\",\"100\"\r\n"
                + "2027-01-06T00:00:00Z, haiku ,50\r\n")
            .getBytes(StandardCharsets.UTF_8));

    Trace read = TraceCsv.read(f, MODELS);

    assertThat(read.demand().get("sonnet")).containsExactly(100);
    assertThat(read.demand().get("haiku")).containsExactly(50);
  }

  @Test
  void aTwoGigabyteTraceIsRefusedInOneLine() throws IOException {
    Path f = dir.resolve("huge.csv");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(2L << 30); // sparse: no disk used
    }

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> TraceCsv.read(f, MODELS));

    assertThat(e.getMessage())
        .isEqualTo(
            f
                + ": file: 2.0 GB is more than a trace may hold (256 MB); split it or keep fewer days");
  }

  @Test
  void aTraceSpanningMoreThanAYearIsRefusedBeforeItsArraysAreMade() throws IOException {
    String msg =
        errorFor(
            HEADER,
            "2027-01-06T00:00:00Z,sonnet,1",
            "2027-01-06T00:00:00Z,haiku,1",
            "2097-01-06T00:00:00Z,sonnet,1",
            "2097-01-06T00:00:00Z,haiku,1");

    assertThat(msg).contains("timestamp: the trace spans 25568 days", "at most 366");
  }
}
