package io.capacityctl.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps published metrics in memory for tests and the simulator: what was put since the last flush
 * (pending) and everything flushed, in order.
 */
public final class InMemoryTelemetrySink implements TelemetrySink {

  /** One recorded value. */
  public record Datum(String metric, double value, String unit, Map<String, String> dimensions) {
    public Datum {
      dimensions = Map.copyOf(dimensions);
    }
  }

  private final List<Datum> pending = new ArrayList<>();
  private final List<Datum> flushed = new ArrayList<>();
  private int flushes;

  @Override
  public synchronized void put(
      String metric, double value, String unit, Map<String, String> dimensions) {
    pending.add(new Datum(metric, value, unit, dimensions));
  }

  @Override
  public synchronized void flush() {
    flushed.addAll(pending);
    pending.clear();
    flushes++;
  }

  /** Everything flushed so far, oldest first. */
  public synchronized List<Datum> flushed() {
    return List.copyOf(flushed);
  }

  /** Put but not yet flushed. */
  public synchronized List<Datum> pending() {
    return List.copyOf(pending);
  }

  /** Flushed values of one metric with exactly these dimensions, oldest first. */
  public synchronized List<Double> values(String metric, Map<String, String> dimensions) {
    return flushed.stream()
        .filter(d -> d.metric().equals(metric) && d.dimensions().equals(dimensions))
        .map(Datum::value)
        .toList();
  }

  public synchronized int flushes() {
    return flushes;
  }
}
