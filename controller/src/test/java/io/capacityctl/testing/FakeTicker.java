package io.capacityctl.testing;

import io.capacityctl.time.Ticker;
import java.time.Duration;

/** A monotonic clock a test moves by hand: one per simulated process. */
public final class FakeTicker implements Ticker {
  private long nanos;

  /** Starts at an arbitrary origin: monotonic clocks of two processes share none. */
  public FakeTicker(long origin) {
    this.nanos = origin;
  }

  public synchronized void advance(Duration d) {
    nanos += d.toNanos();
  }

  @Override
  public synchronized long nanos() {
    return nanos;
  }
}
