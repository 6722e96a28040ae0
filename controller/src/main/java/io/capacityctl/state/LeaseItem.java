package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;

/**
 * The lease as stored in the state table: one item every controller reads and changes only by
 * conditional writes ({@link LeaseTable}).
 *
 * @param holder who holds it; null when free (never taken, or released)
 * @param fencingToken grows by one with every acquisition, never otherwise; state writes made under
 *     a lease are conditional on it
 * @param revision grows by one with every write (take, renew, release): a contender that sees the
 *     same revision for a whole TTL by its own clock knows the holder renewed nothing meanwhile
 * @param ttl how long the holder took it for; a contender waits at least this long
 * @param heldUntil until when the holder, by its own wall clock, expects to hold it: for people
 *     reading status and health only, never for deciding (wall clocks differ between hosts)
 */
public record LeaseItem(
    String holder, long fencingToken, long revision, Duration ttl, Instant heldUntil) {

  /** The item before any controller ever took the lease. */
  public static final LeaseItem NEVER_TAKEN =
      new LeaseItem(null, 0, 0, Duration.ZERO, Instant.EPOCH);

  public boolean free() {
    return holder == null;
  }

  /** The lease as status and health show it. */
  public Lease lease() {
    return new Lease(holder, fencingToken, heldUntil);
  }
}
