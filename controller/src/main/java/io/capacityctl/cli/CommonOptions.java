package io.capacityctl.cli;

import picocli.CommandLine.Mixin;

/** Options of every operational command: configuration, cloud and output format. */
final class CommonOptions {
  @Mixin ConfigOption config;

  @Mixin CloudOption cloud;

  @Mixin OutputOption output;
}
