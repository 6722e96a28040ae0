package io.capacityctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code capacityctl} run in this JVM as a new process would be, on the sandbox in {@code dir}. */
record SandboxCli(Path dir) {

  /** {@code capacityctl ARGS --sandbox DIR}. */
  CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sandbox", dir.toString()));
    return CliRun.system(all.toArray(String[]::new));
  }

  /** {@code capacityctl ARGS --cloud sim --sandbox DIR}. */
  CliRun sim(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--cloud", "sim"));
    return cli(all.toArray(String[]::new));
  }

  /** {@code override set --model M --units N --for 2h --reason R} on the sandbox. */
  CliRun overrideSet(String model, int units, String reason) {
    return sim(
        "override",
        "set",
        "--model",
        model,
        "--units",
        String.valueOf(units),
        "--for",
        "2h",
        "--reason",
        reason);
  }
}
