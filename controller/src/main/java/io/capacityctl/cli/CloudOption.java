package io.capacityctl.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --cloud aws|sim} and, for sim, {@code --sandbox DIR}: which account a command works on.
 */
final class CloudOption {
  @Option(
      names = "--cloud",
      defaultValue = "aws",
      paramLabel = "aws|sim",
      completionCandidates = Cloud.Names.class,
      description =
          "aws (default): the account of the SDK's default chains. sim: the sandbox, a simulated"
              + " account kept in --sandbox that every --cloud sim command and a 'run --cloud sim'"
              + " daemon share (made on first use: a controller has run the synthetic MangaAssist"
              + " trace on it for a day and a half).")
  Cloud cloud;

  @Mixin SandboxOption sandbox;

  Cloud cloud() {
    return cloud;
  }

  SandboxOption sandbox() {
    return sandbox;
  }
}
