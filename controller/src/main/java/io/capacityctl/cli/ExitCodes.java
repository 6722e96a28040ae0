package io.capacityctl.cli;

/** The CLI's exit codes, documented in the README. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;

  /** The command ran and found a problem (unhealthy, budget breach, failed pass). */
  static final int PROBLEM = 1;

  /** Bad input: an invalid config, trace or intents file (names file and line). */
  static final int BAD_INPUT = 2;

  /** Bad usage: an invalid option (picocli's own usage errors also exit 2). */
  static final int USAGE = 2;

  private ExitCodes() {}
}
