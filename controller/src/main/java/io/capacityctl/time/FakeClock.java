package io.capacityctl.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves when told to: the simulator and tests drive time with it, so 28 days
 * replay in seconds and every time-dependent rule is tested at fixed instants.
 */
public final class FakeClock extends Clock {
  // Volatile: in {@code run --cloud sim} one thread advances it while scheduler threads read it.
  private volatile Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  public void set(Instant instant) {
    this.now = instant;
  }

  public synchronized void advance(Duration d) {
    this.now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
