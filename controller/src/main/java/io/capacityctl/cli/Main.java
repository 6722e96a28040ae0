package io.capacityctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code capacityctl} command line: one subcommand per operator task. */
@Command(
    name = "capacityctl",
    mixinStandardHelpOptions = true,
    version = "capacityctl 0.1.0",
    description = "Capacity controller for Amazon Bedrock provisioned throughput and ECS.",
    subcommands = {SimulateCommand.class, TokensCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@code main}). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with its output and errors going to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(out)
        .setErr(err)
        .execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
