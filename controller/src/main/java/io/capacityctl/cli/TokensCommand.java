package io.capacityctl.cli;

import io.capacityctl.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code capacityctl tokens}: capacity planning from per-intent token budgets. */
@Command(
    name = "tokens",
    description = "Count prompt tokens per intent: estimate capacity, guard budgets in CI.",
    subcommands = {TokensEstimateCommand.class, TokensCheckCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all good",
      "1:a request is over its intent's budget (check)",
      "2:bad input: options, intents file, template or capacity config"
    })
final class TokensCommand implements Runnable {
  static final int OK = 0;
  static final int OVER_BUDGET = 1;
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: estimate or check");
  }

  /** Prints every problem of a bad input file, one {@code file:line: field: message} per line. */
  static int badInput(PrintWriter err, String command, ConfigException e) {
    e.errors().forEach(err::println);
    err.println(
        "capacityctl tokens "
            + command
            + ": "
            + e.errors().size()
            + " problem(s) in the input; nothing done");
    err.flush();
    return BAD_INPUT;
  }
}
