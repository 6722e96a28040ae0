package io.capacityctl.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every operational command: configuration, cloud and output format. */
final class CommonOptions {
  @Mixin ConfigOption config;

  @Option(
      names = "--cloud",
      defaultValue = "aws",
      paramLabel = "aws|sim",
      description =
          "aws (default), or sim: a simulated account where a controller has run the synthetic"
              + " MangaAssist trace for a day and a half; nothing persists between commands.")
  Cloud cloud;

  @Mixin OutputOption output;
}
