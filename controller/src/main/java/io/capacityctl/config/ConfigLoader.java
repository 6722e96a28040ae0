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
      // Sized before it is read: a 50 MB file is refused, not parsed.
      long size = Files.size(file);
      if (size > Limits.MAX_CONFIG_CHARS) {
        throw tooLarge(file.toString(), size + " bytes");
      }
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
      byte[] bytes = in.readNBytes(Limits.MAX_CONFIG_CHARS + 1);
      if (bytes.length > Limits.MAX_CONFIG_CHARS) {
        throw tooLarge(source, "over " + Limits.MAX_CONFIG_CHARS + " bytes");
      }
      return parse(new String(bytes, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigError(source, 0, "(file)", "cannot read: " + e.getMessage()));
    }
  }

  /** Parses YAML text; {@code sourceName} names it in error messages. */
  public static CapacityConfig parse(String yamlText, String sourceName) throws ConfigException {
    if (yamlText.length() > Limits.MAX_CONFIG_CHARS) {
      throw tooLarge(sourceName, yamlText.length() + " characters");
    }
    YamlNode root = YamlTree.parse(yamlText, sourceName);
    Problems problems = new Problems(sourceName);
    CapacityConfig config = Fields.map(f -> bind(f, sourceName)).read(root, problems);
    problems.throwIfAny();
    // Rules across sections run on a config whose sections are each valid.
    checkAcrossSections(config, root, problems);
    problems.throwIfAny();
    return config;
  }

  private static CapacityConfig bind(Fields f, String source) {
    String name = f.required("name", Scalars.configName());
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

  /**
   * A configuration refused for its size before it is parsed.
   *
   * @param size its size with the unit, e.g. {@code 52428809 bytes} or {@code over 131072 bytes}
   */
  public static ConfigException tooLarge(String source, String size) {
    return new ConfigException(
        new ConfigError(
            source,
            0,
            "(file)",
            "is " + size + "; a configuration is at most " + Limits.MAX_CONFIG_CHARS + " bytes"));
  }

  /**
   * A window cannot plan more units than the account's quota for the model, and every PT name the
   * pool derives from the prefix and a model key must be one Bedrock accepts.
   */
  private static void checkAcrossSections(CapacityConfig config, YamlNode root, Problems problems) {
    String longestKey =
        config.modelKeys().stream().reduce((a, b) -> b.length() > a.length() ? b : a).orElseThrow();
    YamlNode aws = root.get("aws");
    YamlNode prefix = aws == null ? null : aws.get("ptNamePrefix");
    String ptNames =
        AwsNames.ptNameLength(
            config.aws().ptNamePrefix(),
            longestKey,
            prefix != null ? "aws.ptNamePrefix" : "the name (it makes the default ptNamePrefix)");
    if (ptNames != null) {
      problems.at(prefix != null ? prefix : root.get("name"), ptNames);
    }
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
