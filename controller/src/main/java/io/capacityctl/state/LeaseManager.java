package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A lease with fencing, so that only one controller acts at a time. */
public interface LeaseManager {

  /** Takes the lease when free or expired; empty when another holder has it. */
  Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl);

  /** Extends a held lease; false when it was lost (expired and taken over). */
  boolean renew(Lease lease, Instant now, Duration ttl);

  /** Gives the lease up early (graceful shutdown); a lost lease is left alone. */
  void release(Lease lease);

  /** The current holder, if any, for status and health. */
  Optional<Lease> current(Instant now);
}
