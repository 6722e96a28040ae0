package io.capacityctl.leadtime;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.calendar.EventOccurrence;
import io.capacityctl.calendar.Expectation;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.CanaryReading;
import io.capacityctl.planner.UnitSizing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one event occurrence's lead time costs a model: the units its floor holds over the
 * schedule's own (the same window without the event's multiplier, both within the model's unit
 * limits), minute by minute from {@code start - leadTime}, priced at the model's unit-hour. Two
 * figures: the unit-hours before a <em>configured</em> provisioning time would need them, and those
 * before the <em>observed</em> one (the longest of the model's own creations, a creation still in
 * progress included) would. Computed from the configuration alone: what the planner holds for
 * forecast demand on top is not in it.
 *
 * @param observed the longest provisioning observed, or null when none was (then the figure beyond
 *     it is NaN)
 * @param unitHoursBeyondConfigured unit-hours held in [start - leadTime, start - configured)
 * @param unitHoursBeyondObserved unit-hours held in [start - leadTime, start - observed)
 * @param unitHoursCanary unit-hours the canary reading would hold in [start - leadTime, start -
 *     configured): one unit (the canary) until {@link #bulkLead}, the whole floor from then on
 */
public record LeadCost(
    String model,
    String event,
    Instant start,
    Duration leadTime,
    Duration configured,
    Duration observed,
    double unitHourlyUsd,
    double unitHoursBeyondConfigured,
    double unitHoursBeyondObserved,
    double unitHoursCanary) {

  /** How many units the canary is ({@link CanaryReading#CANARY_UNITS}). */
  public static final int CANARY_UNITS = CanaryReading.CANARY_UNITS;

  /** The bulk's lead in the canary reading, as the planner buys it ({@link CanaryReading}). */
  public static Duration bulkLead(Duration leadTime, Duration configured, Duration observed) {
    return CanaryReading.bulkLead(leadTime, configured, observed);
  }

  public double usdCanary() {
    return unitHoursCanary * unitHourlyUsd;
  }

  public double usdBeyondConfigured() {
    return unitHoursBeyondConfigured * unitHourlyUsd;
  }

  public double usdBeyondObserved() {
    return unitHoursBeyondObserved * unitHourlyUsd;
  }

  /**
   * The occurrences of {@code model}'s events in force at some instant of [from, to), each priced;
   * {@code observed} may be null.
   */
  public static List<LeadCost> of(
      CapacityConfig config,
      CapacityCalendar calendar,
      String model,
      Duration observed,
      Instant from,
      Instant to) {
    List<LeadCost> out = new ArrayList<>();
    for (EventOccurrence o : calendar.occurrences(model, from, to)) {
      out.add(of(config, calendar, model, o, observed));
    }
    return out;
  }

  /** One occurrence's lead time, priced. */
  public static LeadCost of(
      CapacityConfig config,
      CapacityCalendar calendar,
      String model,
      EventOccurrence o,
      Duration observed) {
    ModelConfig m = config.model(model);
    double safety = config.policy().onDemandSafety();
    Instant configuredNeed = o.start().minus(m.provisioningTime());
    Instant observedNeed = observed == null ? null : o.start().minus(observed);
    long beyondConfigured = 0; // unit-minutes
    long beyondObserved = 0;
    long canary = 0;
    Duration lead = Duration.between(o.leadStart(), o.start());
    Instant bulkFrom = o.start().minus(bulkLead(lead, m.provisioningTime(), observed));
    for (Instant t = o.leadStart(); t.isBefore(o.start()); t = t.plusSeconds(60)) {
      boolean early = t.isBefore(configuredNeed);
      boolean earlyObserved = observedNeed != null && t.isBefore(observedNeed);
      if (!early && !earlyObserved) {
        continue;
      }
      int extra = heldOver(m, calendar.expected(model, t), o, safety);
      beyondConfigured += early ? extra : 0;
      beyondObserved += earlyObserved ? extra : 0;
      // The bulk is bought by the last pass (a minute apart) not later than bulkFrom.
      boolean bulk = t.plusSeconds(60).isAfter(bulkFrom);
      canary += !early ? 0 : bulk ? extra : Math.min(extra, CANARY_UNITS);
    }
    return new LeadCost(
        model,
        o.event().name(),
        o.start(),
        lead,
        m.provisioningTime(),
        observed,
        m.unitHourlyUsd(),
        beyondConfigured / 60.0,
        observedNeed == null ? Double.NaN : beyondObserved / 60.0,
        canary / 60.0);
  }

  /** Units {@code o}'s floor holds at one minute over the schedule alone; 0 when another rules. */
  private static int heldOver(ModelConfig m, Expectation e, EventOccurrence o, double safety) {
    if (e.event() == null
        || !e.event().start().equals(o.start())
        || !e.event().event().name().equals(o.event().name())
        || !(e.multiplier() > 1)) {
      return 0;
    }
    Expectation schedule = e.withoutEvents();
    int with = UnitSizing.clamp(UnitSizing.expectedUnits(m, e, safety), m.minUnits(), m.maxUnits());
    int without =
        UnitSizing.clamp(UnitSizing.expectedUnits(m, schedule, safety), m.minUnits(), m.maxUnits());
    return Math.max(0, with - without);
  }

  /**
   * E.g. {@code weekly-release at 2027-01-17T15:00:00Z (lead 4h): 112.5 unit-hours ($866.25) held
   * over the schedule before the configured 15m would need them, 111.5 ($858.55) before the
   * observed 17m would; canary reading (1 unit from the lead, the bulk 25m30s ahead): 8.8
   * ($67.95)}.
   */
  public String describe() {
    String s =
        String.format(
            Locale.ROOT,
            "%s at %s (lead %s): %.1f unit-hours ($%,.2f) held over the schedule before the"
                + " configured %s would need them",
            event,
            start,
            ProvisioningObserved.human(leadTime),
            unitHoursBeyondConfigured,
            usdBeyondConfigured(),
            ProvisioningObserved.human(configured));
    if (observed == null) {
      return s + "; no provisioning observed yet";
    }
    return s
        + String.format(
            Locale.ROOT,
            ", %.1f ($%,.2f) before the observed %s would; canary reading (%d unit from the lead,"
                + " the bulk %s ahead): %.1f ($%,.2f)",
            unitHoursBeyondObserved,
            usdBeyondObserved(),
            ProvisioningObserved.human(observed),
            CANARY_UNITS,
            ProvisioningObserved.human(bulkLead(leadTime, configured, observed)),
            unitHoursCanary,
            usdCanary());
  }
}
