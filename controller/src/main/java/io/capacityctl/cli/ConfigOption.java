package io.capacityctl.cli;

import io.capacityctl.aws.AwsTarget;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.runtime.ConfigSource;
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
          "Configuration YAML: a file, a bundled resource or ssm:/parameter (default:"
              + " $CAPACITYCTL_CONFIG, else the bundled MangaAssist configuration).")
  String location;

  CapacityConfig load() throws ConfigException {
    String where = location != null ? location : System.getenv(ConfigSource.ENV);
    return ConfigSource.of(new AwsTarget(null, null, null)).load(where);
  }
}
