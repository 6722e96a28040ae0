package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The lease in memory: for the simulator and tests; same contract as the DynamoDB one. */
public final class InMemoryLeaseManager implements LeaseManager {
  private Lease lease;
  private long lastToken;

  @Override
  public synchronized Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl) {
    if (lease != null && lease.expiresAt().isAfter(now)) {
      return lease.holder().equals(holder) ? Optional.of(lease) : Optional.empty();
    }
    lease = new Lease(holder, ++lastToken, now.plus(ttl));
    return Optional.of(lease);
  }

  @Override
  public synchronized boolean renew(Lease held, Instant now, Duration ttl) {
    if (lease == null
        || lease.fencingToken() != held.fencingToken()
        || !lease.holder().equals(held.holder())
        || !lease.expiresAt().isAfter(now)) {
      return false;
    }
    lease = new Lease(held.holder(), held.fencingToken(), now.plus(ttl));
    return true;
  }

  @Override
  public synchronized void release(Lease held) {
    if (lease != null && lease.fencingToken() == held.fencingToken()) {
      lease = null;
    }
  }

  @Override
  public synchronized Optional<Lease> current(Instant now) {
    return lease != null && lease.expiresAt().isAfter(now) ? Optional.of(lease) : Optional.empty();
  }

  /** The newest token handed out: writes carrying an older one are stale. */
  public synchronized long currentToken() {
    return lastToken;
  }
}
