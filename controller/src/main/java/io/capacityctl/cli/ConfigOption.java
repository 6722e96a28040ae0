package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares; defaults to the bundled MangaAssist file. */
final class ConfigOption {
  static final String BUNDLED = "schedules/mangaassist.yaml";

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration YAML (default: the bundled MangaAssist configuration).")
  Path file;

  CapacityConfig load() throws ConfigException {
    return file == null ? ConfigLoader.loadResource(BUNDLED) : ConfigLoader.load(file);
  }
}
