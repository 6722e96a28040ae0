package io.capacityctl.routing;

import java.time.Instant;

/**
 * One PT ARN callers may send requests to.
 *
 * @param drainingSince null while it serves; set when capacityctl stopped routing to it before
 *     deleting it (callers must not pick it)
 */
public record Route(String arn, int units, Instant drainingSince) {
  public boolean draining() {
    return drainingSince != null;
  }
}
