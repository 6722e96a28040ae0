package io.capacityctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capacityctl events}: one-off events kept in the state table. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Add, list and remove events kept in the state table (e.g. a final chapter at 5x),",
      "merged with the config file's calendar by every mode's next pass."
    },
    subcommands = {EventsAddCommand.class, EventsListCommand.class, EventsRemoveCommand.class})
final class EventsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
