package io.capacityctl.leadtime;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.state.Creation;
import io.capacityctl.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per model, the provisioning time its creations showed and what the lead time of each event in
 * force within a horizon costs against it: what {@code status} and {@code plan} show.
 *
 * @param problems what could not be read (the creation records), named
 */
public record LeadTimes(Map<String, Model> models, List<String> problems) {

  /** How far ahead lead times are priced: a weekly event's next occurrence is in it. */
  public static final Duration HORIZON = Duration.ofDays(8);

  /** One model's figures. */
  public record Model(ProvisioningObserved provisioning, List<LeadCost> leadTimes) {}

  /** Read from {@code state} (its creations and operators' events) as of {@code at}. */
  public static LeadTimes of(CapacityConfig config, StateStore state, Instant at) {
    List<Creation> creations = List.of();
    List<String> problems = List.of();
    try {
      creations = state.creations();
    } catch (RuntimeException e) {
      problems = List.of("provisioning observations unreadable (" + e.getMessage() + ")");
    }
    CapacityCalendar calendar = CapacityCalendar.of(config).withExtraEvents(state.extraEvents());
    Map<String, Model> models = new LinkedHashMap<>();
    for (String key : config.modelKeys()) {
      ModelConfig m = config.model(key);
      ProvisioningObserved p = ProvisioningObserved.of(m, creations, at);
      models.put(
          key, new Model(p, LeadCost.of(config, calendar, key, p.longest(), at, at.plus(HORIZON))));
    }
    return new LeadTimes(models, problems);
  }
}
