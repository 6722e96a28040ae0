package io.capacityctl.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/** The same local time some days back, as the week-ago and day-ago reads anchor on it. */
public final class LocalDays {
  private LocalDays() {}

  /**
   * {@code ZonedDateTime.ofInstant(at, zone).minusDays(days).toInstant()}: the same local time
   * {@code days} back. When the zone's offset then was the one at {@code at} (no DST change in
   * between: nearly every pass) that is exactly {@code days} x 24h back — that local time is valid
   * with that offset, the one ZonedDateTime keeps — and no zoned date-time is built; otherwise
   * ZonedDateTime says.
   */
  public static Instant back(Instant at, int days, ZoneId zone) {
    Instant back = at.minusSeconds(86_400L * days);
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset() || rules.getOffset(back).equals(rules.getOffset(at))) {
      return back;
    }
    return ZonedDateTime.ofInstant(at, zone).minusDays(days).toInstant();
  }
}
