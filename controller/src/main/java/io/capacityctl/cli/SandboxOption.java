package io.capacityctl.cli;

import io.capacityctl.sandbox.Sandbox;
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
              + Sandbox.ENV
              + ", else ~/.capacityctl/sandbox).")
  Path dir;

  Sandbox open() {
    return new Sandbox(dir != null ? dir : Sandbox.defaultDir());
  }
}
