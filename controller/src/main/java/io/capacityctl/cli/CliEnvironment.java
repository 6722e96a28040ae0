package io.capacityctl.cli;

import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimCloudModule;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * What a CLI run works on: how to reach each cloud, and the terminal. {@link #system()} is the real
 * one; tests pass a simulated account that other modes share.
 */
public final class CliEnvironment {
  /** Holder of the simulated controller that ran before a {@code --cloud sim} command looks. */
  static final String SIM_CONTROLLER = "daemon:sim-controller";

  /** Minutes it runs: from the trace start (Wednesday 00:00 JST) to Thursday 19:00, the peak. */
  static final int SIM_WARMUP_MINUTES = (24 + 19) * 60;

  private final BiFunction<CapacityConfig, Boolean, SimAccount> simAccounts;
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;

  private CliEnvironment(
      BiFunction<CapacityConfig, Boolean, SimAccount> simAccounts,
      Reader in,
      PrintWriter out,
      PrintWriter err) {
    this.simAccounts = simAccounts;
    this.in = new BufferedReader(in);
    this.out = TerminalWriter.escaping(out);
    this.err = TerminalWriter.escaping(err);
  }

  /** Real AWS, or a fresh simulated account per command; the process's stdin, stdout, stderr. */
  public static CliEnvironment system() {
    return system(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** Real AWS, or a fresh simulated account per command; stdin; the given output and errors. */
  public static CliEnvironment system(PrintWriter out, PrintWriter err) {
    return new CliEnvironment(
        CliEnvironment::warmedUpAccount,
        new InputStreamReader(System.in, StandardCharsets.UTF_8),
        out,
        err);
  }

  /** {@code --cloud sim} works on {@code account} for every command run in this environment. */
  public static CliEnvironment simulated(
      SimAccount account, Reader in, PrintWriter out, PrintWriter err) {
    return new CliEnvironment((c, running) -> account, in, out, err);
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

  /** The controller over {@code cloud}. */
  ControllerGraph graph(Cloud cloud, CapacityConfig config, AwsOptions aws) {
    if (cloud == Cloud.SIM) {
      return DaggerOperatorComponent_OnSim.factory()
          .create(new SimCloudModule(simAccount(config, true)));
    }
    return DaggerOperatorComponent_OnAws.factory()
        .create(
            config, new AwsCloudModule(config), new AwsClientsModule(aws.target(region(config))));
  }

  /** The configuration's {@code aws.region}, or null. */
  static String region(CapacityConfig config) {
    return config.aws() == null ? null : config.aws().region();
  }

  /**
   * The simulated account {@code --cloud sim} works on.
   *
   * @param controllerRunning whether the controller that warmed it up still holds the lease (for
   *     commands), or gave it back (for {@code run}, which becomes the controller)
   */
  SimAccount simAccount(CapacityConfig config, boolean controllerRunning) {
    return simAccounts.apply(config, controllerRunning);
  }

  /**
   * A fresh account where a simulated controller has run the synthetic trace for a day and a half,
   * so plan, status and health have history to show.
   */
  private static SimAccount warmedUpAccount(CapacityConfig config, boolean controllerRunning) {
    SimAccount account = freshAccount(config);
    Reconciler controller =
        DaggerOperatorComponent_OnSim.factory()
            .create(new SimCloudModule(account))
            .reconcilers()
            .create(SIM_CONTROLLER, LeaseTerms.DEFAULT_TTL);
    account.warmStart(controller);
    account.run(controller, SIM_WARMUP_MINUTES);
    if (!controllerRunning) {
      controller.releaseLease();
    }
    return account;
  }

  /** A fresh account running the 28-day synthetic MangaAssist trace, clock at its start. */
  private static SimAccount freshAccount(CapacityConfig config) {
    Trace trace = TraceGenerator.mangaAssist(42, 28);
    String mismatch = SyntheticTrace.mismatch(config, trace);
    if (mismatch != null) {
      throw new RefusedException("--cloud", "sim runs on " + mismatch);
    }
    return new SimAccount(config, trace);
  }
}
