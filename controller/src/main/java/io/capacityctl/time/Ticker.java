package io.capacityctl.time;

import java.time.Clock;

/**
 * A monotonic clock: nanoseconds from an arbitrary origin, never set back, comparable only within
 * one process. What a lease holder measures its own time by (wall clocks differ between hosts and
 * jump when they are corrected); tests drive one per simulated controller.
 */
@FunctionalInterface
public interface Ticker {

  long nanos();

  /** The process's monotonic clock ({@link System#nanoTime}). */
  static Ticker system() {
    return System::nanoTime;
  }

  /**
   * Time as {@code clock} moves: in a simulated account the fake clock is the only time there is,
   * and every simulated controller's monotonic clock advances with it.
   */
  static Ticker following(Clock clock) {
    return () -> {
      java.time.Instant t = clock.instant();
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    };
  }
}
