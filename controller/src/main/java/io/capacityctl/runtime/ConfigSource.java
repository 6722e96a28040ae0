package io.capacityctl.runtime;

import io.capacityctl.aws.AwsClientFactory;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.aws.s3.S3TextObject;
import io.capacityctl.aws.s3.S3Uri;
import io.capacityctl.aws.ssm.SsmParameter;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.Limits;
import io.capacityctl.ports.CloudException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Loads the configuration from where a deployment keeps it: a file, a resource bundled in the jar
 * ({@code schedules/mangaassist.yaml}), an SSM parameter ({@code ssm:/capacityctl/<name>/config},
 * where the CDK stack puts a file it does not bundle) or an S3 object ({@code s3://bucket/key}).
 * Errors name the location, line and field as for a file; a source that cannot be read (missing,
 * access denied, unavailable) is an error at line 0 that says why.
 */
public final class ConfigSource {
  /** The environment variable the Lambda handlers and the CLI read the location from. */
  public static final String ENV = "CAPACITYCTL_CONFIG";

  /** The configuration bundled in the jar, used when no location is given. */
  public static final String BUNDLED = "schedules/mangaassist.yaml";

  private static final String SSM = "ssm:";

  private final Supplier<SsmClient> ssm;
  private final Supplier<S3Client> s3;

  /** The clients are asked for only when a location needs them. */
  public ConfigSource(Supplier<SsmClient> ssm, Supplier<S3Client> s3) {
    this.ssm = ssm;
    this.s3 = s3;
  }

  /**
   * Reads SSM and S3 in {@code target}. A client (and the one HTTP client they share) is built on
   * the first location that needs it and reused by every later load: a reloading controller reads
   * the same location every few minutes.
   */
  public static ConfigSource of(AwsTarget target) {
    return of(() -> target);
  }

  /**
   * As {@link #of(AwsTarget)}, the target asked for only when a location is in SSM or S3: the CLI
   * resolves region and credentials then, and a file never needs them.
   */
  public static ConfigSource of(Supplier<AwsTarget> target) {
    Supplier<AwsTarget> resolved = once(target);
    Supplier<AwsClientFactory> clients =
        once(() -> new AwsClientFactory(resolved.get(), ApacheHttpClient.create()));
    // An emulator answers on one host: bucket names cannot go into the host name there.
    return new ConfigSource(
        once(() -> clients.get().build(SsmClient.builder())),
        once(
            () ->
                clients
                    .get()
                    .build(
                        S3Client.builder()
                            .forcePathStyle(resolved.get().endpointOverride() != null))));
  }

  /**
   * @param location as above; null or blank for {@link #BUNDLED}
   */
  public CapacityConfig load(String location) throws ConfigException {
    if (location == null || location.isBlank()) {
      return ConfigLoader.loadResource(BUNDLED);
    }
    if (location.startsWith(SSM)) {
      String name = location.substring(SSM.length());
      return parse(location, () -> new SsmParameter(ssm.get(), name).read(), "SSM parameter");
    }
    Optional<S3Uri> object;
    try {
      object = S3Uri.parse(location);
    } catch (IllegalArgumentException e) {
      throw error(location, e.getMessage());
    }
    if (object.isPresent()) {
      return parse(
          location,
          () -> new S3TextObject(s3.get(), object.get()).read(Limits.MAX_CONFIG_CHARS),
          "S3 object (NoSuchKey)");
    }
    Path file = Path.of(location);
    if (!Files.exists(file)) {
      // A bundled configuration by its path in the jar or by its name alone (`-c us-business`, as
      // `simulate --scenario` and the CDK app's `-c config=` name them); a file always wins.
      for (String resource : List.of(location, "schedules/" + location + ".yaml")) {
        if (ConfigSource.class.getClassLoader().getResource(resource) != null) {
          return ConfigLoader.loadResource(resource);
        }
      }
    }
    return ConfigLoader.load(file); // a missing file is reported by path
  }

  /** Reads a remote location and parses it under its own name. */
  private static CapacityConfig parse(String location, Supplier<Optional<String>> read, String what)
      throws ConfigException {
    Optional<String> text;
    try {
      text = read.get();
    } catch (CloudException e) {
      throw error(location, "cannot read: " + why(e));
    } catch (S3TextObject.TooLargeException e) {
      throw ConfigLoader.tooLarge(
          location, (e.bytes() < 0 ? "over " + Limits.MAX_CONFIG_CHARS : e.bytes()) + " bytes");
    }
    if (text.isEmpty()) {
      throw error(location, "cannot read: no such " + what);
    }
    return ConfigLoader.parse(text.get(), location);
  }

  /**
   * The fault, and for a missing permission which one the controller's role lacks. (S3 also answers
   * AccessDenied for a missing key when the role may not list the bucket.)
   */
  private static String why(CloudException e) {
    return e.kind() == CloudException.Kind.ACCESS_DENIED
        ? "access denied: the controller's role needs "
            + e.action()
            + " on this location ("
            + e.getMessage()
            + ")"
        : e.getMessage();
  }

  private static ConfigException error(String location, String message) {
    return new ConfigException(new ConfigError(location, 0, "(file)", message));
  }

  /** {@code build} called once, on first use, from any thread. */
  private static <T> Supplier<T> once(Supplier<T> build) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = build.get();
        }
        return value;
      }
    };
  }
}
