package io.capacityctl.ports;

import java.time.Instant;

/** A half-open range [from, to) of whole minutes. */
public record TimeRange(Instant from, Instant to) {
  public int minutes() {
    return (int) java.time.Duration.between(from, to).toMinutes();
  }
}
