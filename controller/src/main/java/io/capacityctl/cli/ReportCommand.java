package io.capacityctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capacityctl report}: reports over past traffic. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Reports over past traffic.",
    subcommands = {WasteReportCommand.class})
final class ReportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
