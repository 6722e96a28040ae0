package io.capacityctl.cli;

/** How a command prints its result. */
enum OutputFormat {
  TABLE,
  JSON
}
