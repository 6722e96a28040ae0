package io.capacityctl.orphans;

import java.time.Instant;

/**
 * Whether another configuration has a live controller, as its heartbeat says.
 *
 * @param claimedUntil when its claim ends, or null when no heartbeat of it was found
 * @param adoptedBy the configuration that manages it under {@code aws.adoptFrom}, or null
 * @param problem why its heartbeat could not be read, or null
 */
record Liveness(Instant claimedUntil, String adoptedBy, String problem) {

  boolean claimedAt(Instant now) {
    return adoptedBy != null || (claimedUntil != null && now.isBefore(claimedUntil));
  }

  /** Why nobody manages its PTs, for a configuration not claimed at {@code now}. */
  String unclaimed(String config) {
    return claimedUntil == null
        ? "no controller has claimed '" + config + "' (no heartbeat found)"
        : "no controller has claimed '" + config + "' since " + claimedUntil;
  }
}
