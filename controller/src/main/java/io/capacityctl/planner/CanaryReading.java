package io.capacityctl.planner;

import java.time.Duration;

/**
 * The canary reading of an event's lead time (docs/leadtime.md): from {@code start - leadTime} the
 * floor is the schedule's units plus {@link #CANARY_UNITS}, a purchase that proves the permission,
 * a unit of quota and today's provisioning time hours ahead; the bulk is bought {@link #bulkLead}
 * before the start. Pure: the observed provisioning time comes in the {@link ModelState}.
 */
public final class CanaryReading {
  private CanaryReading() {}

  /** How many units the canary is: one proves the permission, a unit of quota and the timing. */
  public static final int CANARY_UNITS = 1;

  /** How far ahead of the observed provisioning time the bulk is bought: 1.5 x. */
  private static final int MARGIN_NUMERATOR = 3;

  private static final int MARGIN_DENOMINATOR = 2;

  /**
   * The bulk's lead: {@code max(1.5 x observed, configured)}, capped at the lead time; the lead
   * time itself while nothing was observed (no evidence, no shortcut: the literal reading).
   */
  public static Duration bulkLead(Duration leadTime, Duration configured, Duration observed) {
    if (observed == null) {
      return leadTime;
    }
    Duration margin = margin(observed);
    Duration bulk = margin.compareTo(configured) > 0 ? margin : configured;
    return bulk.compareTo(leadTime) < 0 ? bulk : leadTime;
  }

  /** Why the bulk is due when it is: "1.5 x observed 15m" or "configured 15m". */
  static String basis(Duration configured, Duration observed) {
    return margin(observed).compareTo(configured) > 0
        ? "1.5 x observed " + human(observed)
        : "configured " + human(configured) + ", observed " + human(observed);
  }

  /** "22m30s", "4h", "1h5m": to the second, as the bulk's lead is. */
  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    String hm = Planner.human(Duration.ofSeconds(s));
    return s % 60 == 0 ? hm : hm + (s % 60) + "s";
  }

  private static Duration margin(Duration observed) {
    return observed.multipliedBy(MARGIN_NUMERATOR).dividedBy(MARGIN_DENOMINATOR);
  }
}
