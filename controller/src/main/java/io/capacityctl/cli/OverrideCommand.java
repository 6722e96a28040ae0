package io.capacityctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capacityctl override}: set, list and clear operators' overrides. */
@Command(
    name = "override",
    mixinStandardHelpOptions = true,
    description = {
      "Pin a model's units or the ECS tasks, or pause the controller, until the override expires.",
      "Every mode (Lambda, daemon, apply) honours active overrides on its next pass."
    },
    subcommands = {OverrideSetCommand.class, OverrideListCommand.class, OverrideClearCommand.class})
final class OverrideCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
