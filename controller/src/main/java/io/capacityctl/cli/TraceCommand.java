package io.capacityctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code capacityctl trace}: traffic traces for {@code simulate}. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Make traffic traces for simulate from your own metrics.",
    subcommands = {TraceImportCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:trace written", "2:bad input or option (named); nothing written"})
final class TraceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: import");
  }
}
