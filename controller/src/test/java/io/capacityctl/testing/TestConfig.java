package io.capacityctl.testing;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small configs as YAML text and loads them through the real {@link ConfigLoader}, so tests
 * state only what they care about and every config they use is one a user could write.
 *
 * <p>A model starts with MangaAssist's Sonnet values (1000 tps/unit, $7.70/unit-hour, $0.0045/1k
 * tokens on demand, 5000 tps on-demand headroom, 0..60 units, PT15M provisioning); the ECS service
 * with 500 tps/task, 4..160 tasks, PT2M startup. The zone is UTC unless set.
 */
public final class TestConfig {
  private final Map<String, Map<String, Object>> models = new LinkedHashMap<>();
  private final List<String> schedule = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final Map<String, Object> policy = new LinkedHashMap<>();
  private final Map<String, Object> budget = new LinkedHashMap<>();
  private final Map<String, Object> aws = new LinkedHashMap<>();
  private Map<String, Object> ecs;
  private String timezone = "UTC";
  private String name = "shop";

  private TestConfig() {}

  /** One model, {@code sonnet}, with a whole-day window of {@code units}. */
  public static TestConfig sonnet(int units) {
    return new TestConfig().model("sonnet").allDay("sonnet: " + units);
  }

  public static TestConfig empty() {
    return new TestConfig();
  }

  /** Adds a model with the default settings; change them with {@link #set}. */
  public TestConfig model(String key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("modelId", "anthropic." + key + "-v1:0");
    m.put("tokensPerSecondPerUnit", 1000);
    m.put("unitHourlyUsd", 7.70);
    m.put("onDemandUsdPer1kTokens", 0.0045);
    m.put("onDemandTps", 5000);
    m.put("minUnits", 0);
    m.put("maxUnits", 60);
    m.put("provisioningTime", "PT15M");
    models.put(key, m);
    return this;
  }

  /** Sets one key of a model. */
  public TestConfig set(String model, String key, Object value) {
    models.get(model).put(key, value);
    return this;
  }

  /** Adds the ECS service with the default settings. */
  public TestConfig ecs() {
    ecs = new LinkedHashMap<>();
    ecs.put("cluster", "shop");
    ecs.put("service", "api");
    ecs.put("tokensPerSecondPerTask", 500);
    ecs.put("minTasks", 4);
    ecs.put("maxTasks", 160);
    ecs.put("taskHourlyUsd", 0.12);
    ecs.put("startupTime", "PT2M");
    return this;
  }

  public TestConfig ecs(String key, Object value) {
    if (ecs == null) {
      ecs();
    }
    ecs.put(key, value);
    return this;
  }

  /** A whole-day window; {@code units} is the inside of a YAML flow map, e.g. "sonnet: 5". */
  public TestConfig allDay(String units) {
    return window("{ from: \"00:00\", to: \"00:00\", units: { " + units + " } }");
  }

  /** A schedule window as a YAML flow map. */
  public TestConfig window(String flowMap) {
    schedule.add(flowMap);
    return this;
  }

  /** Replaces the schedule. */
  public TestConfig clearSchedule() {
    schedule.clear();
    return this;
  }

  /** An event as a YAML flow map. */
  public TestConfig event(String flowMap) {
    events.add(flowMap);
    return this;
  }

  public TestConfig policy(String key, Object value) {
    policy.put(key, value);
    return this;
  }

  /** Sets one key of the {@code budget} section, e.g. {@code maxHourlyUsd}. */
  public TestConfig budget(String key, Object value) {
    budget.put(key, value);
    return this;
  }

  /** Sets one key of the {@code aws} section, e.g. {@code adoptFrom} with {@code "[shop]"}. */
  public TestConfig aws(String key, Object value) {
    aws.put(key, value);
    return this;
  }

  /** The config's name ({@code shop} unless set). */
  public TestConfig name(String configName) {
    name = configName;
    return this;
  }

  public TestConfig timezone(String zone) {
    timezone = zone;
    return this;
  }

  public String yaml() {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(name).append('\n');
    y.append("timezone: ").append(timezone).append('\n');
    y.append("models:\n");
    models.forEach(
        (key, settings) -> {
          y.append("  ").append(key).append(":\n");
          settings.forEach(
              (k, v) -> y.append("    ").append(k).append(": ").append(v).append('\n'));
        });
    if (ecs != null) {
      y.append("ecs:\n");
      ecs.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    y.append("schedule:\n");
    schedule.forEach(w -> y.append("  - ").append(w).append('\n'));
    if (!events.isEmpty()) {
      y.append("events:\n");
      events.forEach(e -> y.append("  - ").append(e).append('\n'));
    }
    if (!policy.isEmpty()) {
      y.append("policy:\n");
      policy.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    if (!budget.isEmpty()) {
      y.append("budget:\n");
      budget.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    if (!aws.isEmpty()) {
      y.append("aws:\n");
      aws.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    return y.toString();
  }

  /** Loads the config; a test that builds an invalid one fails with the loader's message. */
  public CapacityConfig build() {
    try {
      return ConfigLoader.parse(yaml(), "test.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException("test config is invalid:\n" + e.getMessage() + "\n" + yaml());
    }
  }

  /** The bundled MangaAssist configuration. */
  public static CapacityConfig mangaAssist() {
    try {
      return ConfigLoader.loadResource("schedules/mangaassist.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
