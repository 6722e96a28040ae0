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

  /**
   * This config with each model's {@code minUnits} raised to at least {@code share} of its {@code
   * maxUnits} (rounded up to a whole unit): what a floor would cost and save on a trace, priced by
   * the frontier. A share of 0 changes nothing.
   *
   * @param share from 0 to 1
   */
  public CapacityConfig withFloor(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "a floor is a share of maxUnits from 0 to 1, got " + share);
    }
    Map<String, ModelConfig> floored = new java.util.LinkedHashMap<>();
    models.forEach((k, m) -> floored.put(k, m.withMinUnits(minUnitsWithFloor(m, share))));
    return new CapacityConfig(
        name, timezone, floored, ecs, schedule, events, policy, budget, aws, intents, source);
  }

  /**
   * The model's {@code minUnits} under a floor of {@code share} of its quota: that share in whole
   * units, up (0.75 of 90 is 68), or its own {@code minUnits} when higher.
   */
  public static int minUnitsWithFloor(ModelConfig m, double share) {
    // Less a hair, so a share that is a whole number of units in decimal is that many (7 % of 100
    // is 7.000000000000001 in binary).
    int floor = (int) Math.min(m.maxUnits(), Math.ceil(share * m.maxUnits() - 1e-9));
    return Math.max(m.minUnits(), floor);
  }

  /** This config with other policy settings (the simulator and tests vary them). */
  public CapacityConfig withPolicy(PolicyConfig p) {
    return new CapacityConfig(
        name, timezone, models, ecs, schedule, events, p, budget, aws, intents, source);
  }
}
