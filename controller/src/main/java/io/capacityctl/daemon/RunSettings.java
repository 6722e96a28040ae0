package io.capacityctl.daemon;

import java.time.Duration;

/**
 * How {@code capacityctl run} schedules its work. Periods are in the controller's clock; on an
 * accelerated simulated clock each runs {@code speed} times as often in real time.
 *
 * @param holder the lease holder this daemon acts as
 * @param interval between reconcile passes
 * @param port of /healthz and /readyz; 0 picks a free one
 * @param speed simulated seconds per real second (1 on AWS)
 * @param shutdownGrace how long a stop waits for a running pass before abandoning it
 */
public record RunSettings(
    String holder, Duration interval, int port, double speed, Duration shutdownGrace) {
  public static final Duration HEALTH_EVERY = Duration.ofMinutes(15);
  public static final Duration WASTE_EVERY = Duration.ofDays(7);

  /** {@code d} of controller time in real milliseconds, at least 1. */
  long realMillis(Duration d) {
    return Math.max(1, Math.round(d.toMillis() / speed));
  }

  boolean accelerated() {
    return speed != 1;
  }
}
