package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lease item and its three conditional writes: what the state table (DynamoDB, or in memory)
 * guarantees, and nothing about time. Whether a holder may still act, and when a contender may take
 * a lease over, is judged by each process on its own monotonic clock ({@link LeaseKeeper}).
 */
public interface LeaseTable {

  /** The item as it is now (a strongly consistent read); {@link LeaseItem#NEVER_TAKEN} at first. */
  LeaseItem read();

  /**
   * Takes the lease for {@code holder} if the item is still at {@code seen.revision()}: the holder
   * is set, the fencing token and the revision grow by one. Empty when the item moved on.
   */
  Optional<LeaseItem> take(LeaseItem seen, String holder, Duration ttl, Instant heldUntil);

  /**
   * Extends the lease if {@code holder} still holds it with {@code fencingToken}: the revision
   * grows by one, the token stays. Empty when it was lost (taken over).
   */
  Optional<LeaseItem> renew(String holder, long fencingToken, Duration ttl, Instant heldUntil);

  /** Frees the lease if {@code holder} still holds it with {@code fencingToken}; else nothing. */
  void release(String holder, long fencingToken);
}
