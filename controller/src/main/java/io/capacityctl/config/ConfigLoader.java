package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import io.capacityctl.config.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Reads a capacityctl YAML config into a validated {@link CapacityConfig}. Every problem in the
 * file is collected (file, line, key, what is wrong) and thrown as one {@link ConfigException}; an
 * invalid config is never returned.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static CapacityConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigError(file.toString(), 0, "(file)", "cannot read: " + e.getMessage()));
    }
    return parse(text, file.toString());
  }

  /** Loads a config from the classpath, e.g. {@code schedules/mangaassist.yaml}. */
  public static CapacityConfig loadResource(String classpathResource) throws ConfigException {
    String source = "classpath:" + classpathResource;
    try (InputStream in =
        ConfigLoader.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new ConfigException(new ConfigError(source, 0, "(file)", "no such resource"));
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigError(source, 0, "(file)", "cannot read: " + e.getMessage()));
    }
  }

  /** Parses YAML text; {@code sourceName} names it in error messages. */
  public static CapacityConfig parse(String yamlText, String sourceName) throws ConfigException {
    YamlNode root = YamlTree.parse(yamlText, sourceName);
    Problems problems = new Problems(sourceName);
    CapacityConfig config = Fields.map(f -> bind(f, sourceName)).read(root, problems);
    problems.throwIfAny();
    // Rules across sections run on a config whose sections are each valid.
    checkAcrossSections(config, problems);
    problems.throwIfAny();
    return config;
  }

  private static CapacityConfig bind(Fields f, String source) {
    String name = f.required("name", Scalars.identifier());
    ZoneId timezone = f.required("timezone", Scalars.zone());
    Map<String, ModelConfig> models = f.required("models", ModelReader.models());
    return new CapacityConfig(
        name,
        timezone,
        models,
        f.optional("ecs", ModelReader.ecs(), null),
        f.required("schedule", ScheduleReader.windows(models.keySet())),
        f.optional("events", EventReader.events(models.keySet()), List.of()),
        f.optional("policy", SettingsReader.policy(), PolicyConfig.DEFAULTS),
        f.optional("budget", SettingsReader.budget(), BudgetConfig.NONE),
        f.optional("aws", SettingsReader.aws(name), AwsSettings.defaultsFor(name)),
        f.optional("intents", IntentsReader.intents(source, models.keySet()), null),
        source);
  }

  /** A window cannot plan more units than the account's quota for the model. */
  private static void checkAcrossSections(CapacityConfig config, Problems problems) {
    for (int i = 0; i < config.schedule().size(); i++) {
      ScheduleWindow w = config.schedule().get(i);
      int index = i;
      w.units()
          .forEach(
              (model, units) -> {
                int max = config.model(model).maxUnits();
                if (units > max) {
                  problems.add(
                      w.line(),
                      "schedule[" + index + "].units." + model,
                      "must be <= models." + model + ".maxUnits (" + max + "), got " + units);
                }
              });
    }
  }
}
