package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One of our PT creations as the passes saw it: watched from the first pass that lists it in
 * Creating (or holds its purchase record) until the first pass that lists it InService. Only
 * observed, never acted on: what capacityctl learns its provisioning time from.
 *
 * @param model model key
 * @param arn the PT
 * @param units its model units
 * @param createdAt the PT's creation time, as Bedrock reports it
 * @param inServiceBy when a pass first listed it InService, or null while it is still watched. An
 *     upper bound: it went InService at some instant since the pass before, so the figure is late
 *     by at most one pass interval
 */
public record Creation(
    String model, String arn, int units, Instant createdAt, Instant inServiceBy) {

  /** How many done creations a store keeps per model: the newest; the older are dropped. */
  public static final int KEPT_PER_MODEL = 20;

  /** Oldest created first, ties by ARN: how stores return them. */
  public static final Comparator<Creation> CREATED_FIRST =
      Comparator.comparing((Creation c) -> c.createdAt()).thenComparing(Creation::arn);

  /** Done ones, the latest seen InService first: the ones a store keeps. */
  public static final Comparator<Creation> NEWEST_DONE_FIRST =
      Comparator.comparing((Creation c) -> c.inServiceBy())
          .thenComparing(Creation::createdAt)
          .thenComparing(Creation::arn)
          .reversed();

  /** A creation first seen at {@code createdAt}, not InService yet. */
  public static Creation watched(String model, String arn, int units, Instant createdAt) {
    return new Creation(model, arn, units, createdAt, null);
  }

  /** This creation, seen InService by {@code at}. */
  public Creation inServiceBy(Instant at) {
    return new Creation(model, arn, units, createdAt, at);
  }

  public boolean done() {
    return inServiceBy != null;
  }

  /** Creating to first seen InService (an upper bound of the provisioning time); done ones only. */
  public Duration provisioning() {
    return Duration.between(createdAt, inServiceBy);
  }
}
