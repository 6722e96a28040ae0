package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease with fencing, so that only one controller acts at a time, judged without comparing wall
 * clocks across hosts ({@link LeaseKeeper}). The {@code now} arguments are wall-clock time written
 * for people to read (status, health); no decision depends on them.
 */
public interface LeaseManager {

  /**
   * How much of a lease's TTL its holder leaves unused: it acts only until {@code ttl - ACT_MARGIN}
   * after it sent its last successful acquire or renew, by its own monotonic clock, and a contender
   * takes over only after a whole {@code ttl} by its own. The margin covers one AWS call started
   * just before that point (every SDK call gives up after {@code
   * AwsClientFactory.API_CALL_TIMEOUT}, 30 s) and the rate at which two hosts' monotonic clocks can
   * drift apart over a TTL (well under 1 %, 2 s of 3 minutes), with room to spare for a pause
   * between the check and the call.
   */
  Duration ACT_MARGIN = Duration.ofSeconds(60);

  /**
   * Takes the lease when it is free, or when its holder has renewed nothing for a whole TTL as this
   * process has watched it (each call is one look: the first look at a holder only starts the
   * watch); renews it when {@code holder} already holds it. Empty when another holder has it.
   * Holders are unique among live processes (a request id, host and process id), so a lease held
   * under this process's own holder is this process's to renew.
   */
  Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl);

  /** Extends a held lease; false when it was lost (taken over). */
  boolean renew(Lease lease, Instant now, Duration ttl);

  /** Gives the lease up early (graceful shutdown, the end of a Lambda pass); a lost one is left. */
  void release(Lease lease);

  /**
   * The current holder, if its own clock says it holds it at {@code now}: for status and health.
   */
  Optional<Lease> current(Instant now);

  /** The lease as {@code holder} holds it, whatever any clock says; empty when another holds it. */
  Optional<Lease> heldBy(String holder);

  /**
   * Whether this process may still act under {@code lease}: it took or renewed it, and less than
   * {@code ttl - margin} has passed on its monotonic clock since it sent that write.
   */
  boolean holds(Lease lease, Duration margin);
}
