package io.capacityctl.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed} of the minute noise that trace import adds to data coarser than a minute, and
 * backtest with it: one default, so the same data gives the same minutes in both.
 */
final class NoiseSeedOption {
  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the minute noise (default ${DEFAULT-VALUE}).")
  long seed;
}
