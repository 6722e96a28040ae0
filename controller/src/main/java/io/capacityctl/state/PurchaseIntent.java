package io.capacityctl.state;

import java.time.Instant;
import java.util.Comparator;

/**
 * A PT purchase recorded before CreateProvisionedModelThroughput is sent, so that a pass in a later
 * minute — after a crash, a timeout or a PT the list does not show yet — sends the same request
 * with the same client request token instead of buying again.
 *
 * @param model model key
 * @param name the PT name sent
 * @param units the model units sent
 * @param clientRequestToken the idempotency token sent; also the PT's {@code capacityctl:purchase}
 *     tag, by which the listed PT is recognised
 * @param recordedAt when the purchase was first sent
 * @param until after this instant the purchase is abandoned: never sent again
 */
public record PurchaseIntent(
    String model,
    String name,
    int units,
    String clientRequestToken,
    Instant recordedAt,
    Instant until) {

  /**
   * Oldest first. One pass's purchases share an instant and their names differ only in the slot
   * number at the end, so shorter names first, then alphabetical, is slot order (s9 before s10).
   */
  public static final Comparator<PurchaseIntent> OLDEST_FIRST =
      Comparator.comparing(PurchaseIntent::recordedAt)
          .thenComparingInt((PurchaseIntent p) -> p.name().length())
          .thenComparing(PurchaseIntent::name);

  /** True while the purchase may still be sent again. */
  public boolean pendingAt(Instant now) {
    return until.isAfter(now);
  }
}
