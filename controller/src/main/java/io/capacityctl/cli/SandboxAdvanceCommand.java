package io.capacityctl.cli;

import io.capacityctl.config.ConfigException;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.sim.SimAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code capacityctl sandbox advance DURATION}: simulated time passes, nobody acting. */
@Command(
    name = "advance",
    mixinStandardHelpOptions = true,
    description = {
      "Let DURATION of simulated time pass on the sandbox with no controller acting, as when"
          + " nothing runs: each minute's traffic is served by what exists (PTs come into service"
          + " when their provisioning time is over; the rest on demand or throttled), CloudWatch"
          + " records it, and leases expire. A 'run --cloud sim' daemon moves the clock too."
    })
final class SandboxAdvanceCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DURATION", description = "e.g. 20m, 3h, PT1H")
  Duration by;

  @Mixin ConfigOption config;

  @Mixin SandboxOption sandbox;

  @Mixin OutputOption output;

  private final CliEnvironment env;

  SandboxAdvanceCommand(CliEnvironment env) {
    this.env = env;
  }

  /** What {@code --output json} prints. */
  record Advanced(Instant from, Instant to, int minutes) {}

  @Override
  public Integer call() throws ConfigException {
    if (by.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new RefusedException("DURATION", "at least 1m, got " + by);
    }
    SimAccount account = env.simAccount(config.load(), sandbox);
    Advanced a =
        account
            .exclusive()
            .call(
                () -> {
                  Instant from = account.clock().instant();
                  int served = 0;
                  while (served < by.toMinutes() && account.serveMinute()) {
                    served++;
                  }
                  return new Advanced(from, account.clock().instant(), served);
                });
    if (output.json()) {
      Json.print(env.out(), a);
    } else {
      env.out()
          .printf(
              "sandbox clock %s -> %s: %d minutes of traffic served, no controller acting%s%n",
              a.from(),
              a.to(),
              a.minutes(),
              a.minutes() < by.toMinutes()
                  ? " (the synthetic trace is over: the clock stops)"
                  : "");
    }
    return ExitCodes.OK;
  }
}
