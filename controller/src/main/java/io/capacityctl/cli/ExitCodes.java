package io.capacityctl.cli;

/** The CLI's exit codes, documented in docs/cli.md. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;

  /**
   * The command ran and found a problem: unhealthy, a failed pass, a plan on a partial view, an AWS
   * error (the message names the action).
   */
  static final int PROBLEM = 1;

  /** Bad input: an invalid config, trace or intents file (names file and line). */
  static final int BAD_INPUT = 2;

  /** Bad usage: an invalid option, named (picocli's own usage errors also exit 2). */
  static final int USAGE = 2;

  /** Nothing applied: the confirmation was declined, or another controller holds the lease. */
  static final int NOT_APPLIED = 3;

  private ExitCodes() {}
}
