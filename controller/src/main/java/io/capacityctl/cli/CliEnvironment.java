package io.capacityctl.cli;

import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sandbox.Sandbox;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimCloudModule;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a CLI run works on: how to reach each cloud, and the terminal. {@link #system()} is the real
 * one, whose {@code --cloud sim} is the sandbox on disk; tests pass a simulated account that other
 * modes share.
 */
public final class CliEnvironment {
  /** Holder of the simulated controller that ran before a {@code --cloud sim} command looks. */
  static final String SIM_CONTROLLER = "daemon:sim-controller";

  /** Minutes it runs: from the trace start (Wednesday 00:00 JST) to Thursday 19:00, the peak. */
  static final int SIM_WARMUP_MINUTES = (24 + 19) * 60;

  private final BiFunction<CapacityConfig, Sandbox, SimAccount> simAccounts;
  private final Path defaultSandbox;
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;
  private SimAccount working; // the account a --cloud sim command works on, while it does

  private CliEnvironment(
      BiFunction<CapacityConfig, Sandbox, SimAccount> simAccounts,
      Path defaultSandbox,
      Reader in,
      PrintWriter out,
      PrintWriter err) {
    this.simAccounts = simAccounts;
    this.defaultSandbox = defaultSandbox;
    this.in = new BufferedReader(in);
    this.out = TerminalWriter.escaping(out);
    this.err = TerminalWriter.escaping(err);
  }

  /** Real AWS, or the sandbox on disk; the process's stdin, stdout, stderr. */
  public static CliEnvironment system() {
    return system(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** Real AWS, or the sandbox on disk; stdin; the given output and errors. */
  public static CliEnvironment system(PrintWriter out, PrintWriter err) {
    return system(Sandbox.defaultDir(), out, err);
  }

  /**
   * As {@link #system(PrintWriter, PrintWriter)}, with the sandbox in {@code defaultSandbox} when
   * {@code --sandbox} is not given (tests: as if {@code $CAPACITYCTL_SANDBOX} were set).
   */
  public static CliEnvironment system(Path defaultSandbox, PrintWriter out, PrintWriter err) {
    return new CliEnvironment(
        (config, sandbox) -> sandbox.open(config, CliEnvironment::warmUp),
        defaultSandbox,
        new InputStreamReader(System.in, StandardCharsets.UTF_8),
        out,
        err);
  }

  /** {@code --cloud sim} works on {@code account} for every command run in this environment. */
  public static CliEnvironment simulated(
      SimAccount account, Reader in, PrintWriter out, PrintWriter err) {
    return new CliEnvironment((c, sandbox) -> account, Sandbox.defaultDir(), in, out, err);
  }

  BufferedReader in() {
    return in;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /**
   * Runs {@code command} on the controller over the chosen cloud. On the simulated account it has
   * the account to itself meanwhile (a sandbox is read before and written after).
   */
  <T> T onController(
      CloudOption cloud,
      CapacityConfig config,
      AwsOptions aws,
      Function<ControllerGraph, T> command) {
    if (cloud.cloud() == Cloud.SIM) {
      SimAccount account = simAccount(config, cloud.sandbox());
      ControllerGraph graph =
          DaggerOperatorComponent_OnSim.factory().create(new SimCloudModule(account, config));
      return account
          .exclusive()
          .call(
              () -> {
                working = account;
                try {
                  return command.apply(graph);
                } finally {
                  working = null;
                }
              });
    }
    return command.apply(
        DaggerOperatorComponent_OnAws.factory()
            .create(
                config,
                new AwsCloudModule(config),
                new AwsClientsModule(aws.target(region(config)))));
  }

  /**
   * Runs {@code prompt} (a question on the terminal) letting other processes use the sandbox
   * meanwhile: a daemon in another shell goes on while the operator thinks.
   */
  <T> T whileAsking(Supplier<T> prompt) {
    SimAccount account = working;
    return account == null ? prompt.get() : account.exclusive().pause(prompt);
  }

  /** The configuration's {@code aws.region}, or null. */
  static String region(CapacityConfig config) {
    return config.aws() == null ? null : config.aws().region();
  }

  /** The sandbox {@code --sandbox} names, else this environment's default. */
  Sandbox sandbox(SandboxOption option) {
    return new Sandbox(option.dir != null ? option.dir : defaultSandbox);
  }

  /**
   * The simulated account {@code --cloud sim} works on: the sandbox's, made when it holds none (see
   * {@link #warmUp}).
   */
  SimAccount simAccount(CapacityConfig config, SandboxOption sandbox) {
    return simAccounts.apply(config, sandbox(sandbox));
  }

  /**
   * Prepares a fresh sandbox account: a simulated controller runs the synthetic trace from its
   * start to Thursday 19:00 JST, so plan, status and health have history to show, and then gives
   * the lease back, as a Lambda does after its pass.
   */
  static void warmUp(SimAccount account) {
    Reconciler controller =
        DaggerOperatorComponent_OnSim.factory()
            .create(new SimCloudModule(account))
            .reconcilers()
            .create(SIM_CONTROLLER, LeaseTerms.DEFAULT_TTL);
    account.warmStart(controller);
    account.run(controller, SIM_WARMUP_MINUTES);
    controller.releaseLease();
  }
}
