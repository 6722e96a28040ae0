package io.capacityctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * What CloudWatch Logs does with the controller's stdout in AWS, for the emulator tests: the
 * Embedded Metric Format documents an action prints become metrics in CloudWatch (moto), so the
 * readers of the controller's own metrics (the health check's heartbeat, the waste report) see what
 * the passes published. Stdout is captured while the action runs; tests run one at a time.
 */
public final class EmfShipper {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudWatchClient cloudWatch;
  private final List<JsonNode> shipped = new ArrayList<>();

  public EmfShipper(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** Runs {@code action} and ships what it printed, also when it throws. */
  public <T> T run(Supplier<T> action) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return action.get();
    } finally {
      System.setOut(stdout);
      documents(captured.toString(StandardCharsets.UTF_8)).forEach(this::ship);
    }
  }

  /** Every document shipped so far, in order. */
  public List<JsonNode> shipped() {
    return List.copyOf(shipped);
  }

  /** The EMF documents among printed lines (those with an {@code _aws} member). */
  public static List<JsonNode> documents(String stdout) {
    List<JsonNode> docs = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (line.contains("\"_aws\"")) {
        try {
          docs.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return docs;
  }

  /** One PutMetricData per directive: each metric under each of its dimension sets. */
  private void ship(JsonNode doc) {
    JsonNode aws = doc.get("_aws");
    Instant at = Instant.ofEpochMilli(aws.get("Timestamp").asLong());
    for (JsonNode directive : aws.get("CloudWatchMetrics")) {
      List<MetricDatum> data = new ArrayList<>();
      for (JsonNode dimensionSet : directive.get("Dimensions")) {
        List<Dimension> dimensions = new ArrayList<>();
        dimensionSet.forEach(
            name ->
                dimensions.add(
                    Dimension.builder()
                        .name(name.asText())
                        .value(doc.get(name.asText()).asText())
                        .build()));
        for (JsonNode metric : directive.get("Metrics")) {
          String name = metric.get("Name").asText();
          JsonNode value = doc.get(name);
          for (JsonNode v : value.isArray() ? value : List.of(value)) {
            data.add(
                MetricDatum.builder()
                    .metricName(name)
                    .dimensions(dimensions)
                    .timestamp(at)
                    .unit(StandardUnit.fromValue(metric.path("Unit").asText("None")))
                    .value(v.asDouble())
                    .build());
          }
        }
      }
      cloudWatch.putMetricData(
          r -> r.namespace(directive.get("Namespace").asText()).metricData(data));
    }
    shipped.add(doc);
  }
}
