package io.capacityctl.state;

import java.time.Instant;

/**
 * The right to act, held by one of Lambda, daemon or CLI at a time.
 *
 * @param fencingToken increases with every acquisition; a write carrying an older token is refused
 */
public record Lease(String holder, long fencingToken, Instant expiresAt) {}
