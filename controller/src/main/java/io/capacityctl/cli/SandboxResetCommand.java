package io.capacityctl.cli;

import io.capacityctl.sandbox.Sandbox;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code capacityctl sandbox reset}: removes the sandbox's account. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the sandbox's account; the next --cloud sim command makes a fresh one. Waits for a"
          + " command working on it to finish. Stop a 'run --cloud sim' daemon first: it writes"
          + " its account back at its next step."
    })
final class SandboxResetCommand implements Callable<Integer> {
  @Mixin SandboxOption sandbox;

  @Mixin OutputOption output;

  private final CliEnvironment env;

  SandboxResetCommand(CliEnvironment env) {
    this.env = env;
  }

  /** What {@code --output json} prints. */
  record Reset(String sandbox, boolean removed) {}

  @Override
  public Integer call() {
    Sandbox s = env.sandbox(sandbox);
    Reset r = new Reset(s.dir().toString(), s.reset());
    if (output.json()) {
      Json.print(env.out(), r);
    } else if (r.removed()) {
      env.out()
          .printf("reset %s: the next --cloud sim command makes a fresh account%n", r.sandbox());
    } else {
      env.out().printf("nothing to reset in %s%n", r.sandbox());
    }
    return ExitCodes.OK;
  }
}
