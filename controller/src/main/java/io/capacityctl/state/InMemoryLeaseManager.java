package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lease kept in memory, with the same rules as the DynamoDB lease: taken only when free or
 * expired, each acquisition bumps the fencing token, renew and release only by holder + token.
 */
public final class InMemoryLeaseManager implements LeaseManager {
  private String holder;
  private long fencingToken;
  private Instant expiresAt = Instant.EPOCH;

  @Override
  public synchronized Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl) {
    if (this.holder != null && now.isBefore(expiresAt)) {
      return Optional.empty();
    }
    this.holder = holder;
    this.fencingToken++;
    this.expiresAt = now.plus(ttl);
    return Optional.of(new Lease(holder, fencingToken, expiresAt));
  }

  @Override
  public synchronized boolean renew(Lease lease, Instant now, Duration ttl) {
    if (!heldBy(lease)) {
      return false;
    }
    expiresAt = now.plus(ttl);
    return true;
  }

  @Override
  public synchronized void release(Lease lease) {
    if (heldBy(lease)) {
      holder = null;
      expiresAt = Instant.EPOCH;
    }
  }

  @Override
  public synchronized Optional<Lease> current(Instant now) {
    return holder != null && now.isBefore(expiresAt)
        ? Optional.of(new Lease(holder, fencingToken, expiresAt))
        : Optional.empty();
  }

  /** The token of the latest acquisition (0 before the first), whether or not it has expired. */
  synchronized long currentToken() {
    return fencingToken;
  }

  /**
   * The lease as a sandbox keeps it between processes.
   *
   * @param holder null when free
   */
  public record Saved(String holder, long fencingToken, Instant expiresAt) {}

  public synchronized Saved save() {
    return new Saved(holder, fencingToken, expiresAt);
  }

  /** Replaces the lease with {@code saved}, in place: its fencing token goes on from there. */
  public synchronized void restore(Saved saved) {
    holder = saved.holder();
    fencingToken = saved.fencingToken();
    expiresAt = saved.expiresAt();
  }

  private boolean heldBy(Lease lease) {
    return lease.holder().equals(holder) && lease.fencingToken() == fencingToken;
  }
}
