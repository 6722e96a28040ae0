package io.capacityctl.ports;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a configuration's controller writes of itself every pass, in its own state table: that a
 * controller claims the configuration until {@code claimedUntil}, the old names whose fleets it
 * adopted, and since when each of its PTs that no configured model claims any more has been
 * retiring. Other configurations' controllers read it to tell a live fleet from an orphaned one.
 *
 * @param config the configuration's name
 * @param at when the pass wrote it
 * @param claimedUntil after this, no controller claims the configuration: its PTs are orphaned
 * @param adopts the old configuration names whose PTs it manages as its own ({@code aws.adoptFrom})
 * @param retiringSince per ARN of its own PTs that no configured model claims, when a pass first
 *     saw it so; carried from pass to pass, so the grace period survives restarts and handovers
 */
public record ConfigHeartbeat(
    String config,
    Instant at,
    Instant claimedUntil,
    List<String> adopts,
    Map<String, Instant> retiringSince) {

  public ConfigHeartbeat {
    adopts = List.copyOf(adopts);
    // Sorted: the same heartbeat always reads and serialises the same way (sandbox files).
    retiringSince = Collections.unmodifiableMap(new TreeMap<>(retiringSince));
  }

  /** True when a controller claims the configuration at {@code now}. */
  public boolean claimedAt(Instant now) {
    return now.isBefore(claimedUntil);
  }
}
