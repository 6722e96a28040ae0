package io.capacityctl.infra;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration a stack is built from, and how the deployed controller reads the same file.
 *
 * <p>A configuration bundled in the jars (a {@code schedules/...} resource) is referenced by its
 * resource name. Any other file travels in an SSM parameter under the config's own prefix, which
 * the controller may already read, so the running controller always uses exactly the YAML the stack
 * was built from.
 *
 * @param reference the value of {@code CAPACITYCTL_CONFIG}: a resource name or {@code ssm:/name}
 * @param delivered the SSM parameter to create, when the file is not bundled
 */
public record ConfigSource(
    CapacityConfig config, String reference, Optional<SsmDelivery> delivered) {

  /** The bundled configuration used when the {@code config} option is not given. */
  public static final String DEFAULT_RESOURCE = "schedules/mangaassist.yaml";

  /** SSM's limit for an Advanced parameter value; Standard parameters hold half of it. */
  static final int SSM_MAX_BYTES = 8192;

  static final int SSM_STANDARD_MAX_BYTES = 4096;

  /**
   * A configuration file carried in an SSM parameter.
   *
   * @param advanced true when the text exceeds a Standard parameter (Advanced tier costs money)
   */
  public record SsmDelivery(String parameterName, String yaml, boolean advanced) {}

  /**
   * Resolves the {@code config} option: an existing file path, else a bundled resource name.
   *
   * @param option the option's value, or null for {@link #DEFAULT_RESOURCE}
   */
  public static ConfigSource resolve(String option) throws ConfigException {
    String value = option == null || option.isBlank() ? DEFAULT_RESOURCE : option.trim();
    Path file = Path.of(value);
    if (Files.isRegularFile(file)) {
      return fromFile(file);
    }
    if (ConfigSource.class.getClassLoader().getResource(value) != null) {
      return new ConfigSource(ConfigLoader.loadResource(value), value, Optional.empty());
    }
    throw new IllegalArgumentException(
        "option 'config': '"
            + value
            + "' is neither a file nor a bundled configuration (e.g. "
            + DEFAULT_RESOURCE
            + ")");
  }

  private static ConfigSource fromFile(Path file) throws ConfigException {
    CapacityConfig config = ConfigLoader.load(file);
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("option 'config': cannot read " + file, e);
    }
    int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > SSM_MAX_BYTES) {
      throw new IllegalArgumentException(
          String.format(
              "option 'config': %s is %d bytes, more than an SSM parameter holds (%d); bundle it"
                  + " under schedules/src/main/resources and pass its resource name instead",
              file, bytes, SSM_MAX_BYTES));
    }
    String parameter = "/capacityctl/" + config.name() + "/config";
    return new ConfigSource(
        config,
        "ssm:" + parameter,
        Optional.of(new SsmDelivery(parameter, yaml, bytes > SSM_STANDARD_MAX_BYTES)));
  }
}
