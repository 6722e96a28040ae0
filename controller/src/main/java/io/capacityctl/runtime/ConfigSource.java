package io.capacityctl.runtime;

import io.capacityctl.aws.AwsClientFactory;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.aws.ssm.SsmParameter;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.ports.CloudException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Loads the configuration from where a deployment keeps it: a file, a resource bundled in the jar
 * ({@code schedules/mangaassist.yaml}) or an SSM parameter ({@code ssm:/capacityctl/<name>/config},
 * where the CDK stack puts a file it does not bundle). Errors name the location, line and field as
 * for a file.
 */
public final class ConfigSource {
  /** The environment variable the Lambda handlers and the CLI read the location from. */
  public static final String ENV = "CAPACITYCTL_CONFIG";

  /** The configuration bundled in the jar, used when no location is given. */
  public static final String BUNDLED = "schedules/mangaassist.yaml";

  private static final String SSM = "ssm:";

  private final Supplier<SsmClient> ssm;

  /** The client is asked for only when a location needs it. */
  public ConfigSource(Supplier<SsmClient> ssm) {
    this.ssm = ssm;
  }

  /**
   * Reads SSM in {@code target}; the client (and its HTTP client) is built only for an {@code ssm:}
   * location, and lives as long as the process.
   */
  public static ConfigSource of(AwsTarget target) {
    return new ConfigSource(
        () -> new AwsClientFactory(target, ApacheHttpClient.create()).build(SsmClient.builder()));
  }

  /**
   * @param location as above; null or blank for {@link #BUNDLED}
   */
  public CapacityConfig load(String location) throws ConfigException {
    if (location == null || location.isBlank()) {
      return ConfigLoader.loadResource(BUNDLED);
    }
    if (location.startsWith(SSM)) {
      String text;
      try {
        text =
            new SsmParameter(ssm.get(), location.substring(SSM.length()))
                .read()
                .orElseThrow(() -> unreadable(location, "no such SSM parameter"));
      } catch (CloudException e) {
        throw unreadable(location, e.getMessage());
      }
      return ConfigLoader.parse(text, location);
    }
    Path file = Path.of(location);
    if (Files.exists(file) || ConfigSource.class.getClassLoader().getResource(location) == null) {
      return ConfigLoader.load(file); // a missing file is reported by path
    }
    return ConfigLoader.loadResource(location);
  }

  private static ConfigException unreadable(String location, String why) {
    return new ConfigException(new ConfigError(location, 0, "(file)", "cannot read: " + why));
  }
}
