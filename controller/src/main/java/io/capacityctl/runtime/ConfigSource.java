package io.capacityctl.runtime;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsClientFactory;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.aws.ssm.SsmParameter;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.ports.CloudException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Loads the configuration from where a deployment keeps it: a file, a resource bundled in the jar
 * ({@code schedules/mangaassist.yaml}), an S3 object ({@code s3://bucket/key}) or an SSM parameter
 * ({@code ssm:/capacityctl/config}). Errors name the location, line and field as for a file.
 */
public final class ConfigSource {
  /** The environment variable the Lambda handlers and {@code run} read the location from. */
  public static final String ENV = "CAPACITYCTL_CONFIG";

  /** The configuration bundled in the jar, used when no location is given. */
  public static final String BUNDLED = "schedules/mangaassist.yaml";

  private final Supplier<S3Client> s3;
  private final Supplier<SsmClient> ssm;

  /** Clients are asked for only when a location needs them. */
  public ConfigSource(Supplier<S3Client> s3, Supplier<SsmClient> ssm) {
    this.s3 = s3;
    this.ssm = ssm;
  }

  /**
   * Reads S3 and SSM in {@code target}; a client (and its HTTP client) is built only when a
   * location needs it, and lives as long as the process.
   */
  public static ConfigSource of(AwsTarget target) {
    // Emulators serve buckets by path, not by virtual host.
    boolean pathStyle = target.endpointOverride() != null;
    return new ConfigSource(
        () -> clients(target).build(S3Client.builder().forcePathStyle(pathStyle)),
        () -> clients(target).build(SsmClient.builder()));
  }

  private static AwsClientFactory clients(AwsTarget target) {
    return new AwsClientFactory(target, ApacheHttpClient.create());
  }

  /**
   * @param location as above; null or blank for {@link #BUNDLED}
   */
  public CapacityConfig load(String location) throws ConfigException {
    if (location == null || location.isBlank()) {
      return ConfigLoader.loadResource(BUNDLED);
    }
    if (location.startsWith("s3://")) {
      return ConfigLoader.parse(readS3(location), location);
    }
    if (location.startsWith("ssm:")) {
      String name = location.substring("ssm:".length());
      String text;
      try {
        text =
            new SsmParameter(ssm.get(), name)
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

  private String readS3(String location) throws ConfigException {
    String rest = location.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw unreadable(location, "expected s3://bucket/key");
    }
    String bucket = rest.substring(0, slash);
    String key = rest.substring(slash + 1);
    try {
      return AwsErrors.call(
              AwsAction.S3_GET_OBJECT,
              () -> s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key)))
          .asString(StandardCharsets.UTF_8);
    } catch (CloudException e) {
      throw unreadable(location, e.getMessage());
    }
  }

  private static ConfigException unreadable(String location, String why) {
    return new ConfigException(new ConfigError(location, 0, "(file)", "cannot read: " + why));
  }
}
