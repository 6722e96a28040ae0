package io.capacityctl.sim;

/** Receives the simulator's per-minute, per-model rows (CSV file, in-memory recorder, ...). */
public interface TimelineSink {

  /** One model's minute. */
  void row(TimelineRow row);

  /** A sink that hands every row to {@code first}, then to {@code second}. */
  static TimelineSink both(TimelineSink first, TimelineSink second) {
    return r -> {
      first.row(r);
      second.row(r);
    };
  }
}
