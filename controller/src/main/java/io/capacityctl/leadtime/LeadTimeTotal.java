package io.capacityctl.leadtime;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.calendar.EventOccurrence;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.state.Creation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One model's lead times over a simulated span: every event occurrence whose whole lead window and
 * start fall in it, priced as {@link LeadCost} against the configured provisioning time and against
 * the one the run's own creations showed.
 *
 * @param occurrences event occurrences priced
 */
public record LeadTimeTotal(
    ProvisioningObserved provisioning,
    int occurrences,
    double unitHoursBeyondConfigured,
    double usdBeyondConfigured,
    double unitHoursBeyondObserved,
    double usdBeyondObserved,
    double unitHoursCanary,
    double usdCanary) {

  /** Over [from, to), from the creations a run recorded, as of {@code to}. */
  public static LeadTimeTotal of(
      CapacityConfig config,
      CapacityCalendar calendar,
      String model,
      List<Creation> creations,
      Instant from,
      Instant to) {
    ModelConfig m = config.model(model);
    ProvisioningObserved p = ProvisioningObserved.of(m, creations, to);
    int n = 0;
    double hConfigured = 0;
    double hObserved = 0;
    double hCanary = 0;
    for (EventOccurrence o : calendar.occurrences(model, from, to)) {
      if (o.leadStart().isBefore(from) || o.start().isAfter(to)) {
        continue; // its lead window is not all in the span
      }
      LeadCost c = LeadCost.of(config, calendar, model, o, p.longest());
      n++;
      hConfigured += c.unitHoursBeyondConfigured();
      hObserved += p.longest() == null ? 0 : c.unitHoursBeyondObserved();
      hCanary += c.unitHoursCanary();
    }
    return new LeadTimeTotal(
        p,
        n,
        hConfigured,
        hConfigured * m.unitHourlyUsd(),
        p.longest() == null ? Double.NaN : hObserved,
        p.longest() == null ? Double.NaN : hObserved * m.unitHourlyUsd(),
        hCanary,
        hCanary * m.unitHourlyUsd());
  }

  /**
   * E.g. {@code lead time over 4 event occurrences: 450.0 unit-hours ($3,465.00) held over the
   * schedule before the configured 15m would need them, 450.0 ($3,465.00) before the observed 15m
   * would; provisioning observed: ...}.
   */
  public String describe() {
    String observed =
        provisioning.longest() == null
            ? "no provisioning observed"
            : String.format(
                Locale.ROOT,
                "%.1f ($%,.2f) before the observed %s would, %.1f ($%,.2f) in the canary reading",
                unitHoursBeyondObserved,
                usdBeyondObserved,
                ProvisioningObserved.human(provisioning.longest()),
                unitHoursCanary,
                usdCanary);
    return String.format(
        Locale.ROOT,
        "lead time over %d event occurrence%s: %.1f unit-hours ($%,.2f) held over the schedule"
            + " before the configured %s would need them, %s; %s",
        occurrences,
        occurrences == 1 ? "" : "s",
        unitHoursBeyondConfigured,
        usdBeyondConfigured,
        ProvisioningObserved.human(provisioning.configured()),
        observed,
        provisioning.describe());
  }
}
