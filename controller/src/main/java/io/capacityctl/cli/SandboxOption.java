package io.capacityctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --sandbox DIR}: where the sandbox, the simulated account of {@code --cloud sim}, is kept.
 */
final class SandboxOption {
  @Option(
      names = "--sandbox",
      paramLabel = "DIR",
      description =
          "The sandbox's directory, for --cloud sim (default: $"
              + io.capacityctl.sandbox.Sandbox.ENV
              + ", else ~/.capacityctl/sandbox).")
  Path dir;
}
