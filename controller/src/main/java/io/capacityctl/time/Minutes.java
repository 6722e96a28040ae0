package io.capacityctl.time;

import java.time.Duration;
import java.time.Instant;

/** Whole minutes between instants, for windows of minute datapoints that move on. */
public final class Minutes {
  private Minutes() {}

  /**
   * How many whole minutes {@code later} is after {@code earlier}: 0 or more, or -1 when it is
   * before it or not a whole number of minutes after it.
   */
  public static long after(Instant earlier, Instant later) {
    Duration d = Duration.between(earlier, later);
    return d.isNegative() || d.getSeconds() % 60 != 0 || d.getNano() != 0 ? -1 : d.toMinutes();
  }
}
