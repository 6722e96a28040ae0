package io.capacityctl.sim;

import java.time.Instant;

/** Receives the simulator's per-minute, per-model rows (CSV file, in-memory recorder, ...). */
public interface TimelineSink {

  /**
   * One model's minute.
   *
   * @param target units the controller wants to exist after its decision at this minute
   * @param inService routed in-service units
   * @param capacity in-service PT throughput in tokens/s (on-demand headroom not included)
   */
  void row(
      Instant t,
      String model,
      double demand,
      int target,
      int inService,
      double capacity,
      double throttled,
      int ecsDesired,
      int ecsRunning);
}
