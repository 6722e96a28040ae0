package io.capacityctl.state;

import java.time.Instant;

/**
 * One line of the append-only audit log: an action taken, an override set, a failure.
 *
 * @param kind e.g. {@code create-pt}, {@code delete-pt}, {@code set-ecs}, {@code override-set}
 * @param target model key or {@code ecs}
 * @param fencingToken the lease token the writer held (0 for operator writes outside a pass)
 */
public record AuditEntry(
    Instant at, String actor, String kind, String target, String detail, long fencingToken) {}
