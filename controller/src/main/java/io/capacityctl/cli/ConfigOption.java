package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.runtime.ConfigSource;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option every command shares. Without it: {@code $CAPACITYCTL_CONFIG}, else
 * the bundled MangaAssist file.
 */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "LOCATION",
      description =
          "Configuration YAML: a file, a bundled configuration by name (e.g. us-business),"
              + " ssm:/parameter or s3://bucket/key"
              + " (default:"
              + " $CAPACITYCTL_CONFIG, else the bundled MangaAssist configuration).")
  String location;

  @Mixin AwsOptions aws;

  private ConfigSource source;
  private String offline; // what to suggest with no AWS set up; null: the default (--cloud sim)

  /**
   * For a command without {@code --cloud sim} (backtest): what the one-line error suggests when an
   * SSM or S3 location needs AWS and none is set up.
   */
  void suggestOffline(String hint) {
    this.offline = hint;
  }

  CapacityConfig load() throws ConfigException {
    return source().load(where());
  }

  /** Reads the same location again every {@code every}, starting from {@code initial}. */
  ConfigReloader reloader(
      CapacityConfig initial, Duration every, Clock clock, TelemetrySink telemetry) {
    return new ConfigReloader(initial, where(), source()::load, every, clock, telemetry);
  }

  private String where() {
    return location != null ? location : System.getenv(ConfigSource.ENV);
  }

  /** One source, so that a reloading daemon reuses its SSM or S3 client. */
  private ConfigSource source() {
    if (source == null) {
      source =
          ConfigSource.of(() -> offline == null ? aws.target(null) : aws.target(null, offline));
    }
    return source;
  }
}
