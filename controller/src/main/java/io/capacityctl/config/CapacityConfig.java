package io.capacityctl.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated capacityctl configuration: what a platform team writes in YAML.
 *
 * <p>Instances only come out of {@link ConfigLoader}, which rejects anything invalid, so every
 * consumer may rely on the invariants (models non-empty, schedule covers every minute, ...).
 *
 * @param source where it was read from (file path or classpath resource), for messages
 * @param models model key to settings, in file order
 * @param ecs the ECS service, or null when the config manages models only
 * @param intents production token drift checking, or null when it is off
 */
public record CapacityConfig(
    String name,
    ZoneId timezone,
    Map<String, ModelConfig> models,
    EcsConfig ecs,
    List<ScheduleWindow> schedule,
    List<EventSpec> events,
    PolicyConfig policy,
    BudgetConfig budget,
    AwsSettings aws,
    IntentsConfig intents,
    String source) {

  public CapacityConfig {
    models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    schedule = List.copyOf(schedule);
    events = List.copyOf(events);
  }

  /** A config without token drift checking. */
  public CapacityConfig(
      String name,
      ZoneId timezone,
      Map<String, ModelConfig> models,
      EcsConfig ecs,
      List<ScheduleWindow> schedule,
      List<EventSpec> events,
      PolicyConfig policy,
      BudgetConfig budget,
      AwsSettings aws,
      String source) {
    this(name, timezone, models, ecs, schedule, events, policy, budget, aws, null, source);
  }

  /** The model's settings; the key must exist (validated configs only name known models). */
  public ModelConfig model(String key) {
    ModelConfig m = models.get(key);
    if (m == null) {
      throw new IllegalArgumentException("unknown model '" + key + "' in config " + name);
    }
    return m;
  }

  public Optional<IntentsConfig> intentsConfig() {
    return Optional.ofNullable(intents);
  }

  public Optional<EcsConfig> ecsConfig() {
    return Optional.ofNullable(ecs);
  }

  /** Model keys in file order. */
  public List<String> modelKeys() {
    return List.copyOf(models.keySet());
  }

  /** This config with other policy settings (the simulator and tests vary them). */
  public CapacityConfig withPolicy(PolicyConfig p) {
    return new CapacityConfig(
        name, timezone, models, ecs, schedule, events, p, budget, aws, intents, source);
  }
}
