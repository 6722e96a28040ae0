package io.capacityctl.state;

import io.capacityctl.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lease rules of one process, on its own monotonic clock (cf. Chubby and etcd leases), over the
 * lease item's conditional writes ({@link LeaseTable}):
 *
 * <ul>
 *   <li>a holder may act only within {@code ttl - margin} of the monotonic instant at which it
 *       <em>sent</em> its last successful take or renew ({@link #holds});
 *   <li>a contender takes a held lease over only after it has itself seen the item unchanged (same
 *       revision) for a whole TTL by its own monotonic clock, then with a write conditional on that
 *       revision.
 * </ul>
 *
 * <p>The holder's write was sent before it took effect, and the contender started watching after it
 * read the item that write produced, so a holder's acting window ends before any contender can act,
 * whatever the wall clocks of the two hosts say: skewed clocks cannot open a window. A holder that
 * stalls (a GC pause, a frozen container) wakes up past its window and acts no more; its state
 * writes are refused anyway, being conditional on a fencing token that the takeover replaced.
 *
 * <p>A process that starts while a dead holder's lease stands waits one TTL from its first look; a
 * released lease is taken at once.
 */
public final class LeaseKeeper implements LeaseManager {
  private final LeaseTable table;
  private final Ticker ticker;
  // The leases this process took or renewed, by fencing token.
  private final Map<Long, Held> held = new HashMap<>();
  // Another holder's item as first seen unchanged, and when (monotonic).
  private LeaseItem watched;
  private long watchedSince;

  private record Held(String holder, long sentAt, Duration ttl) {}

  public LeaseKeeper(LeaseTable table, Ticker ticker) {
    this.table = table;
    this.ticker = ticker;
  }

  @Override
  public synchronized Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl) {
    LeaseItem item = table.read();
    long seenAt = ticker.nanos(); // after the read: the item was written before this instant
    if (holder.equals(item.holder())) {
      return renewed(holder, item.fencingToken(), now, ttl);
    }
    if (!item.free()) {
      if (watched == null || watched.revision() != item.revision()) {
        watched = item;
        watchedSince = seenAt;
        return Optional.empty();
      }
      Duration wait = item.ttl().compareTo(ttl) > 0 ? item.ttl() : ttl;
      if (seenAt - watchedSince < wait.toNanos()) {
        return Optional.empty();
      }
    }
    long sentAt = ticker.nanos(); // before the write: the window never starts late
    Optional<LeaseItem> took = table.take(item, holder, ttl, now.plus(ttl));
    took.ifPresent(
        t -> {
          held.put(t.fencingToken(), new Held(holder, sentAt, ttl));
          watched = null;
        });
    return took.map(LeaseItem::lease);
  }

  @Override
  public synchronized boolean renew(Lease lease, Instant now, Duration ttl) {
    return renewed(lease.holder(), lease.fencingToken(), now, ttl).isPresent();
  }

  private Optional<Lease> renewed(String holder, long token, Instant now, Duration ttl) {
    long sentAt = ticker.nanos();
    Optional<LeaseItem> renewed = table.renew(holder, token, ttl, now.plus(ttl));
    if (renewed.isPresent()) {
      held.put(token, new Held(holder, sentAt, ttl));
    } else {
      held.remove(token);
    }
    return renewed.map(LeaseItem::lease);
  }

  @Override
  public synchronized void release(Lease lease) {
    held.remove(lease.fencingToken());
    table.release(lease.holder(), lease.fencingToken());
  }

  @Override
  public Optional<Lease> current(Instant now) {
    LeaseItem item = table.read();
    return !item.free() && item.heldUntil().isAfter(now)
        ? Optional.of(item.lease())
        : Optional.empty();
  }

  @Override
  public Optional<Lease> heldBy(String holder) {
    LeaseItem item = table.read();
    return holder.equals(item.holder()) ? Optional.of(item.lease()) : Optional.empty();
  }

  @Override
  public synchronized boolean holds(Lease lease, Duration margin) {
    Held h = held.get(lease.fencingToken());
    return h != null
        && h.holder().equals(lease.holder())
        && ticker.nanos() - h.sentAt() < h.ttl().minus(margin).toNanos();
  }
}
