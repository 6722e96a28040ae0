package io.capacityctl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.time.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EMF documents the sink writes to stdout, parsed back as CloudWatch Logs would. */
class EmfTelemetrySinkTest {
  /**
   * The library refuses timestamps more than 14 days old, so the fake clock starts near the real
   * time; what is asserted is that the document carries the injected clock's instant.
   */
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(90);

  private final FakeClock clock = new FakeClock(NOW);
  private final EmfTelemetrySink sink = new EmfTelemetrySink(null, clock);

  @Test
  void writesOneDocumentPerDimensionSetWithNamespaceUnitsAndClockTimestamp() throws Exception {
    List<JsonNode> docs =
        emitted(
            () -> {
              sink.put("WasteRatio", 0.42, "None", Map.of("Model", "sonnet"));
              sink.put("TargetUnits", 8, "Count", Map.of("Model", "sonnet"));
              sink.put("Heartbeat", 1, "Count", Map.of());
              sink.flush();
            });

    assertThat(docs).hasSize(2);
    JsonNode sonnet = docs.get(0);
    JsonNode directive = sonnet.get("_aws").get("CloudWatchMetrics").get(0);
    assertThat(directive.get("Namespace").asText()).isEqualTo("capacityctl");
    assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Model\"]]");
    assertThat(directive.get("Metrics").toString())
        .contains("{\"Name\":\"WasteRatio\",\"Unit\":\"None\"}")
        .contains("{\"Name\":\"TargetUnits\",\"Unit\":\"Count\"}");
    assertThat(sonnet.get("_aws").get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(sonnet.get("Model").asText()).isEqualTo("sonnet");
    assertThat(sonnet.get("WasteRatio").asDouble()).isEqualTo(0.42);
    assertThat(sonnet.get("TargetUnits").asDouble()).isEqualTo(8);
    JsonNode heartbeat = docs.get(1);
    assertThat(heartbeat.get("Heartbeat").asDouble()).isEqualTo(1);
    assertThat(heartbeat.has("Model")).isFalse();
    assertThat(heartbeat.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString())
        .isEqualTo("[[]]");
  }

  @Test
  void modelsGetSeparateDocumentsSoTheirValuesNeverMix() throws Exception {
    List<JsonNode> docs =
        emitted(
            () -> {
              sink.put("ObservedTps", 1200, "Count/Second", Map.of("Model", "sonnet"));
              sink.put("ObservedTps", 300, "Count/Second", Map.of("Model", "haiku"));
              sink.flush();
            });

    assertThat(docs)
        .extracting(d -> d.get("Model").asText() + "=" + d.get("ObservedTps").asDouble())
        .containsExactly("sonnet=1200.0", "haiku=300.0");
  }

  @Test
  void aFlushWithNothingRecordedWritesNothingAndAFlushedValueIsNotRepeated() throws Exception {
    emitted(
        () -> {
          sink.put("ReconcileErrors", 1, "Count", Map.of());
          sink.flush();
        });

    assertThat(emitted(sink::flush)).isEmpty();
  }

  @Test
  void theNamespaceIsConfigurable() throws Exception {
    EmfTelemetrySink custom = new EmfTelemetrySink("MangaAssist/Capacity", clock);

    List<JsonNode> docs =
        emitted(
            () -> {
              custom.put("CapacityMismatch", 0, "Count", Map.of());
              custom.flush();
            });

    assertThat(docs.get(0).get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText())
        .isEqualTo("MangaAssist/Capacity");
  }

  @Test
  void anUnknownUnitIsRejected() {
    assertThatThrownBy(() -> sink.put("WasteRatio", 1, "Furlongs", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Furlongs");
  }

  /** Runs {@code action} with stdout captured; returns the EMF documents it printed. */
  private static List<JsonNode> emitted(Runnable action) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> docs = new ArrayList<>();
    for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.contains("\"_aws\"")) {
        docs.add(json.readTree(line));
      }
    }
    return docs;
  }
}
