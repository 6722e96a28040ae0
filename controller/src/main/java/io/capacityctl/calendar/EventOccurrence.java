package io.capacityctl.calendar;

import io.capacityctl.config.EventSpec;
import java.time.Instant;

/**
 * One occurrence of an event: it is in force (its multiplier applies) over [leadStart, end).
 *
 * @param leadStart {@code start - leadTime}: pre-provisioning begins here
 * @param end {@code start + duration}
 */
public record EventOccurrence(EventSpec event, Instant leadStart, Instant start, Instant end) {

  public boolean inForceAt(Instant t) {
    return !t.isBefore(leadStart) && t.isBefore(end);
  }
}
