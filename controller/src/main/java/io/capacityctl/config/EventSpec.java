package io.capacityctl.config;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A traffic event: recurring ({@code cron}, Quartz syntax in the config's time zone) or one-off
 * ({@code start}). It multiplies its models' window value from {@code start - leadTime} until
 * {@code start + duration}.
 *
 * @param cron Quartz cron expression, or null for a one-off event
 * @param start start of a one-off event, or null for a recurring one
 * @param models the model keys it affects; empty means all models
 */
public record EventSpec(
    String name,
    String cron,
    OffsetDateTime start,
    Duration duration,
    double multiplier,
    Duration leadTime,
    Set<String> models) {

  public EventSpec {
    models = Collections.unmodifiableSet(new LinkedHashSet<>(models)); // in the order given
  }

  public boolean affects(String model) {
    return models.isEmpty() || models.contains(model);
  }
}
