package io.capacityctl.sim;

import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

  /**
   * One series as a sandbox keeps it between processes: per minute from {@code firstMinute} (epoch
   * minutes) the sum and the count of the values flushed in it; count 0 where none were.
   */
  public record SavedSeries(
      String metric,
      Map<String, String> dimensions,
      long firstMinute,
      double[] sums,
      int[] counts) {}

  /** One value of a series: the newest flushed, or one put and not flushed yet. */
  public record SavedValue(String metric, Map<String, String> dimensions, double value) {}

  /** Everything stored, as a sandbox keeps it. */
  public record Saved(
      List<SavedSeries> series, List<SavedValue> latest, List<SavedValue> pending, int flushes) {}

  public synchronized Saved save() {
    List<SavedSeries> series = new ArrayList<>();
    stored.forEach(
        (key, minutes) -> {
          if (minutes.isEmpty()) {
            return;
          }
          long first = minutes.firstKey();
          int n = (int) (minutes.lastKey() - first + 1);
          double[] sums = new double[n];
          int[] counts = new int[n];
          minutes.forEach(
              (m, acc) -> {
                sums[(int) (m - first)] = acc[0];
                counts[(int) (m - first)] = (int) acc[1];
              });
          series.add(new SavedSeries(key.metric(), key.dimensions(), first, sums, counts));
        });
    // Sorted: the file reads the same whatever the hash order of this JVM.
    series.sort(
        Comparator.comparing(SavedSeries::metric).thenComparing(x -> sorted(x.dimensions())));
    List<SavedValue> newest = new ArrayList<>();
    latest.forEach((key, v) -> newest.add(new SavedValue(key.metric(), key.dimensions(), v)));
    newest.sort(
        Comparator.comparing(SavedValue::metric).thenComparing(x -> sorted(x.dimensions())));
    List<SavedValue> unflushed = new ArrayList<>();
    pending.forEach(
        d ->
            unflushed.add(new SavedValue(d.series().metric(), d.series().dimensions(), d.value())));
    return new Saved(series, newest, unflushed, flushes);
  }

  private static String sorted(Map<String, String> dimensions) {
    return new TreeMap<>(dimensions).toString();
  }

  /** Replaces everything stored with {@code saved}, in place. */
  public synchronized void restore(Saved saved) {
    stored.clear();
    for (SavedSeries s : saved.series()) {
      TreeMap<Long, double[]> minutes = new TreeMap<>();
      for (int i = 0; i < s.sums().length; i++) {
        if (s.counts()[i] > 0) {
          minutes.put(s.firstMinute() + i, new double[] {s.sums()[i], s.counts()[i]});
        }
      }
      stored.put(new Series(s.metric(), Map.copyOf(s.dimensions())), minutes);
    }
    latest.clear();
    saved
        .latest()
        .forEach(v -> latest.put(new Series(v.metric(), Map.copyOf(v.dimensions())), v.value()));
    pending.clear();
    saved
        .pending()
        .forEach(
            v ->
                pending.add(
                    new Datum(new Series(v.metric(), Map.copyOf(v.dimensions())), v.value())));
    flushes = saved.flushes();
  }
}
