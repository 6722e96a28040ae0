package io.capacityctl.cli;

import picocli.CommandLine.Option;

/** {@code -o, --output table|json}, the same on every command that prints a result. */
final class OutputOption {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "table|json",
      completionCandidates = OutputFormat.Names.class,
      description = "table (default), or json: one JSON document on stdout.")
  OutputFormat format;

  boolean json() {
    return format == OutputFormat.JSON;
  }

  /** Whether the option was given at all (a command whose other output excludes it asks). */
  boolean given() {
    return format != null;
  }
}
