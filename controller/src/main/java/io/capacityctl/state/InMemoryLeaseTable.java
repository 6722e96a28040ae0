package io.capacityctl.state;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lease item kept in memory, with the DynamoDB item's conditional writes; shared by every
 * controller of one simulated account, each with its own {@link LeaseKeeper}. State writes fenced
 * by its token run under its lock ({@link #underToken}), as DynamoDB runs them in one transaction
 * with a condition check on the item.
 */
public final class InMemoryLeaseTable implements LeaseTable {
  private LeaseItem item = LeaseItem.NEVER_TAKEN;

  @Override
  public synchronized LeaseItem read() {
    return item;
  }

  @Override
  public synchronized Optional<LeaseItem> take(
      LeaseItem seen, String holder, Duration ttl, Instant heldUntil) {
    if (item.revision() != seen.revision()) {
      return Optional.empty();
    }
    item = new LeaseItem(holder, item.fencingToken() + 1, item.revision() + 1, ttl, heldUntil);
    return Optional.of(item);
  }

  @Override
  public synchronized Optional<LeaseItem> renew(
      String holder, long fencingToken, Duration ttl, Instant heldUntil) {
    if (!heldBy(holder, fencingToken)) {
      return Optional.empty();
    }
    item = new LeaseItem(holder, fencingToken, item.revision() + 1, ttl, heldUntil);
    return Optional.of(item);
  }

  @Override
  public synchronized void release(String holder, long fencingToken) {
    if (heldBy(holder, fencingToken)) {
      item = new LeaseItem(null, fencingToken, item.revision() + 1, Duration.ZERO, Instant.EPOCH);
    }
  }

  /**
   * Runs {@code write} if {@code fencingToken} is the lease's current token, holding the item's
   * lock so no acquisition comes in between.
   *
   * @throws StaleFencingTokenException when another acquisition came since, or none ever did
   */
  public synchronized void underToken(long fencingToken, Runnable write) {
    if (item.fencingToken() == 0 || fencingToken != item.fencingToken()) {
      throw new StaleFencingTokenException(
          fencingToken,
          item.fencingToken() == 0
              ? "no lease was ever taken"
              : "the lease's current token is " + item.fencingToken());
    }
    write.run();
  }

  /**
   * The lease item as a sandbox keeps it between processes (what each process watched and holds is
   * its own, and stays with it).
   *
   * @param holder null when free
   * @param heldUntil also read as {@code expiresAt}, its name in sandboxes saved before revisions
   *     (their lease reads as revision 0, which the next take expects)
   */
  public record Saved(
      String holder,
      long fencingToken,
      long revision,
      Duration ttl,
      @JsonAlias("expiresAt") Instant heldUntil) {}

  public synchronized Saved save() {
    return new Saved(
        item.holder(), item.fencingToken(), item.revision(), item.ttl(), item.heldUntil());
  }

  /** Replaces the item with {@code saved}, in place: its token and revision go on from there. */
  public synchronized void restore(Saved saved) {
    item =
        new LeaseItem(
            saved.holder(),
            saved.fencingToken(),
            saved.revision(),
            saved.ttl() == null ? Duration.ZERO : saved.ttl(),
            saved.heldUntil() == null ? Instant.EPOCH : saved.heldUntil());
  }

  private boolean heldBy(String holder, long fencingToken) {
    return holder.equals(item.holder()) && fencingToken == item.fencingToken();
  }
}
