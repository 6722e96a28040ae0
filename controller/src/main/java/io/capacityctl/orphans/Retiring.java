package io.capacityctl.orphans;

import io.capacityctl.ports.ProvisionedThroughput;
import java.time.Instant;

/**
 * One of this configuration's PTs that no configured model claims any more (its model was removed,
 * or its key or model id changed): out of the routing table, and deleted at {@code deleteAt}.
 *
 * @param since when a pass first saw it so
 * @param hourlyUsd what it bills per hour ({@link UnitPrices})
 */
public record Retiring(
    ProvisionedThroughput pt, Instant since, Instant deleteAt, double hourlyUsd) {

  /** True when its grace period is over at {@code now}. */
  public boolean dueAt(Instant now) {
    return !deleteAt.isAfter(now);
  }
}
