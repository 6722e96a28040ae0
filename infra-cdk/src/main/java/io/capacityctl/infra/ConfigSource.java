package io.capacityctl.infra;

import io.capacityctl.aws.s3.S3Uri;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration a stack is built from, and how the deployed controller reads the same file.
 *
 * <p>A configuration bundled in the jars (a {@code schedules/...} resource) is referenced by its
 * resource name. Any other file travels in an SSM parameter under the config's own prefix, which
 * the controller may already read, so the running controller always uses exactly the YAML the stack
 * was built from. With an S3 object ({@code configObject}), the controller reads that object
 * instead (the team uploads it and edits it there; the controller picks changes up within its
 * reload period), and the stack is built from the file given as {@code config}, whose models and
 * ECS service decide the role's grants and the alarms.
 *
 * @param reference the value of {@code CAPACITYCTL_CONFIG}: a resource name, {@code ssm:/name} or
 *     {@code s3://bucket/key}
 * @param delivered the SSM parameter to create, when the file is not bundled and not in S3
 * @param object the S3 object the controller reads, when the configuration lives in S3
 */
public record ConfigSource(
    CapacityConfig config,
    String reference,
    Optional<SsmDelivery> delivered,
    Optional<S3Uri> object) {

  /** The bundled configuration used when the {@code config} option is not given. */
  public static final String DEFAULT_RESOURCE = "schedules/mangaassist.yaml";

  /** Where the bundled configurations are in the jars. */
  static final String BUNDLED_DIR = "schedules/";

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
    return resolve(option, null);
  }

  /**
   * Resolves the {@code config} and {@code configObject} options.
   *
   * @param objectOption {@code s3://bucket/key} the controller reads, or null
   */
  public static ConfigSource resolve(String option, String objectOption) throws ConfigException {
    if (objectOption != null) {
      S3Uri object;
      try {
        object =
            S3Uri.parse(objectOption)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "expected s3://bucket/key, got '" + objectOption + "'"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("option 'configObject': " + e.getMessage(), e);
      }
      return new ConfigSource(
          resolve(option).config(), object.toString(), Optional.empty(), Optional.of(object));
    }
    String value = option == null || option.isBlank() ? DEFAULT_RESOURCE : option.trim();
    Path file = Path.of(value);
    if (Files.isRegularFile(file)) {
      return fromFile(file);
    }
    // A bundled configuration by its resource name, or by its short name (us-business).
    for (String resource : List.of(value, BUNDLED_DIR + value, BUNDLED_DIR + value + ".yaml")) {
      if (ConfigSource.class.getClassLoader().getResource(resource) != null) {
        return new ConfigSource(
            ConfigLoader.loadResource(resource), resource, Optional.empty(), Optional.empty());
      }
    }
    throw new IllegalArgumentException(
        "option 'config': '"
            + value
            + "' is neither a file nor a bundled configuration (e.g. us-business, or "
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
        Optional.of(new SsmDelivery(parameter, yaml, bytes > SSM_STANDARD_MAX_BYTES)),
        Optional.empty());
  }
}
