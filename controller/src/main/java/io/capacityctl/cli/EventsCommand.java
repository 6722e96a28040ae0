package io.capacityctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capacityctl events}: one-off events kept in the state table. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Add, list and remove one-off events kept in the state table.",
      "Every mode merges them with the config file's calendar on its next pass."
    },
    subcommands = {EventsAddCommand.class, EventsListCommand.class, EventsRemoveCommand.class})
final class EventsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
