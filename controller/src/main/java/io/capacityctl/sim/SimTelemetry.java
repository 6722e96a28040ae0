package io.capacityctl.sim;

import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The simulated account's CloudWatch for the controller's own metrics: what is flushed is stored
 * per minute of the clock (as EMF lines become metrics) and can be read back, for 15 days (the
 * retention of one-minute data in CloudWatch).
 */
public final class SimTelemetry implements TelemetrySink, PublishedMetricsApi {
  static final Duration RETENTION = Duration.ofDays(15);

  private record Series(String metric, Map<String, String> dimensions) {}

  private record Datum(Series series, double value) {}

  /** Per series, epoch minute to {sum, count}; newest value kept apart for {@link #latest}. */
  private final Map<Series, TreeMap<Long, double[]>> stored = new HashMap<>();

  private final Map<Series, Double> latest = new HashMap<>();
  private final List<Datum> pending = new ArrayList<>();
  private final Clock clock;
  private int flushes;

  public SimTelemetry(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void put(
      String metric, double value, String unit, Map<String, String> dimensions) {
    pending.add(new Datum(new Series(metric, Map.copyOf(dimensions)), value));
  }

  @Override
  public synchronized void flush() {
    long minute = clock.instant().getEpochSecond() / 60;
    long oldest = minute - RETENTION.toMinutes();
    for (Datum d : pending) {
      double[] acc =
          stored
              .computeIfAbsent(d.series(), s -> new TreeMap<>())
              .computeIfAbsent(minute, m -> new double[2]);
      acc[0] += d.value();
      acc[1]++;
      latest.put(d.series(), d.value());
    }
    pending.clear();
    stored.values().forEach(m -> m.headMap(oldest).clear());
    flushes++;
  }

  @Override
  public synchronized Map<String, double[]> perModel(
      String metric, List<String> modelKeys, TimeRange range) {
    long from = range.from().getEpochSecond() / 60;
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String key : modelKeys) {
      double[] values = new double[range.minutes()];
      Arrays.fill(values, Double.NaN);
      TreeMap<Long, double[]> s = stored.get(new Series(metric, Map.of("Model", key)));
      if (s != null) {
        s.subMap(from, from + values.length)
            .forEach((m, acc) -> values[(int) (m - from)] = acc[0] / acc[1]);
      }
      out.put(key, values);
    }
    return out;
  }

  /** The newest flushed value of a metric with exactly these dimensions. */
  public synchronized OptionalDouble latest(String metric, Map<String, String> dimensions) {
    Double v = latest.get(new Series(metric, Map.copyOf(dimensions)));
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  public synchronized int flushes() {
    return flushes;
  }
}
