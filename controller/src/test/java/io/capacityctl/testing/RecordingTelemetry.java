package io.capacityctl.testing;

import io.capacityctl.telemetry.TelemetrySink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps every metric put, so tests can assert what the controller reported. */
public final class RecordingTelemetry implements TelemetrySink {
  /** One recorded value. */
  public record Point(String metric, double value, String unit, Map<String, String> dimensions) {}

  private final List<Point> points = new ArrayList<>();

  @Override
  public synchronized void put(String metric, double value, String unit, Map<String, String> dims) {
    points.add(new Point(metric, value, unit, Map.copyOf(dims)));
  }

  @Override
  public void flush() {}

  public synchronized List<Point> named(String metric) {
    return points.stream().filter(p -> p.metric().equals(metric)).toList();
  }
}
