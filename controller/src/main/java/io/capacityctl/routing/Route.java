package io.capacityctl.routing;

import java.time.Instant;
import java.util.Objects;

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

  // Written out: every reconcile pass compares the table it would publish with the last one, and
  // the generated equals goes through method handles that stay slow in that loop.
  @Override
  public boolean equals(Object o) {
    return o instanceof Route r
        && units == r.units
        && Objects.equals(arn, r.arn)
        && Objects.equals(drainingSince, r.drainingSince);
  }

  @Override
  public int hashCode() {
    return Objects.hash(arn, units, drainingSince);
  }
}
