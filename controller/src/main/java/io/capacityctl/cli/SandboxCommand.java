package io.capacityctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capacityctl sandbox}: the simulated account that {@code --cloud sim} works on. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "The sandbox: the simulated account every --cloud sim command, and a 'run --cloud sim'"
          + " daemon, works on, kept in a directory (--sandbox DIR; default $CAPACITYCTL_SANDBOX,"
          + " else ~/.capacityctl/sandbox). Its clock moves only while 'run --cloud sim' runs or"
          + " with 'sandbox advance'."
    },
    subcommands = {
      SandboxShowCommand.class,
      SandboxAdvanceCommand.class,
      SandboxResetCommand.class
    })
final class SandboxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
