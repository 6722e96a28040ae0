package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.daemon.Daemon;
import io.capacityctl.daemon.DaemonComponent;
import io.capacityctl.daemon.RunSettings;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.telemetry.EmfTelemetrySink;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code capacityctl run}: the controller as a long-running process. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the controller: a reconcile pass every --interval, the health check every 15 minutes,"
          + " the waste report weekly; /healthz and /readyz on --port. Stops gracefully on"
          + " SIGTERM: finishes the pass in progress, then gives the lease back. The"
          + " configuration is read again every --config-reload; a bad one never replaces the"
          + " last good one.",
      "--cloud sim runs on the sandbox (--sandbox DIR), the simulated account the other --cloud"
          + " sim commands share, on an accelerated clock (--speed 60: one simulated minute per"
          + " second) fed with the synthetic MangaAssist trace."
    })
final class RunCommand implements Callable<Integer> {
  static final double MAX_SPEED = 3600;

  @Mixin ConfigOption config;

  @Mixin CloudOption cloud;

  @Option(
      names = "--interval",
      defaultValue = "60s",
      paramLabel = "DURATION",
      description = "Between reconcile passes (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port of /healthz and /readyz (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--speed",
      defaultValue = "1",
      description =
          "With --cloud sim: simulated seconds per real second (default ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--grace",
      defaultValue = "20s",
      paramLabel = "DURATION",
      description = "On stop, how long a running pass may finish (default ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(
      names = "--config-reload",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description =
          "Read the configuration again this often (default ${DEFAULT-VALUE}). A change is taken"
              + " at once; a bad or unreadable one is logged, published as ConfigInvalid and fails"
              + " the health check while the last good one stays in force.")
  Duration configReload;

  @Mixin OutputOption output;

  @Option(
      names = "--stop-after",
      paramLabel = "DURATION",
      description = "Stop by itself after this much real time (demos).")
  Duration stopAfter;

  private final CliEnvironment env;

  /** What {@code --output json} prints, one line each: when running, and when stopped. */
  record Event(String event, String holder, String cloud, Integer port) {}

  RunCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws ConfigException, InterruptedException {
    check();
    CapacityConfig c = config.load();
    RunSettings settings =
        new RunSettings(
            LeaseTerms.daemonHolder(
                System.getenv().getOrDefault("HOSTNAME", "localhost"),
                ProcessHandle.current().pid()),
            interval,
            port,
            speed,
            grace);
    Daemon daemon;
    if (cloud.cloud() == Cloud.SIM) {
      SimAccount account = env.simAccount(c, cloud.sandbox());
      daemon =
          DaemonComponent.onSim(
              settings,
              config.reloader(c, configReload, account.clock(), account.telemetry()),
              account);
    } else {
      config.aws.target(CliEnvironment.region(c)); // no region or no credentials: say so now
      Clock clock = Clock.systemUTC();
      daemon =
          DaemonComponent.onAws(
              settings,
              config.reloader(c, configReload, clock, new EmfTelemetrySink(null, clock)),
              next -> config.aws.target(CliEnvironment.region(next)));
    }
    try {
      daemon.start();
    } catch (UncheckedIOException e) {
      throw new RefusedException("--port", e.getMessage() + ": " + e.getCause().getMessage());
    }
    // Any other way out of the JVM (SIGHUP, System.exit elsewhere) still stops gracefully.
    Thread hook = new Thread(daemon::stop, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (StopSignals signals = StopSignals.handle(daemon::stop)) {
      PrintWriter out = env.out();
      if (output.json()) {
        Json.line(
            out,
            new Event(
                "running", settings.holder(), cloud.cloud().name().toLowerCase(), daemon.port()));
      } else {
        out.printf(
            "capacityctl running as %s on %s: /healthz and /readyz on port %d%n",
            settings.holder(), cloud.cloud().name().toLowerCase(), daemon.port());
      }
      out.flush();
      if (stopAfter == null) {
        daemon.awaitStop(Duration.ofMillis(Long.MAX_VALUE));
      } else if (!daemon.awaitStop(stopAfter)) {
        daemon.stop();
      }
      Runtime.getRuntime().removeShutdownHook(hook);
      if (output.json()) {
        Json.line(
            out, new Event("stopped", settings.holder(), cloud.cloud().name().toLowerCase(), null));
      } else {
        out.println("stopped");
      }
    }
    return ExitCodes.OK;
  }

  private void check() {
    OptionChecks.positive("--interval", interval);
    OptionChecks.positive("--config-reload", configReload);
    if (!(speed > 0) || speed > MAX_SPEED) {
      throw new RefusedException("--speed", "must be > 0 and <= " + MAX_SPEED + ", got " + speed);
    }
    if (speed != 1 && cloud.cloud() != Cloud.SIM) {
      throw new RefusedException("--speed", "only with --cloud sim: AWS runs on the real clock");
    }
    if (port < 0 || port > 65535) {
      throw new RefusedException("--port", "must be between 0 and 65535, got " + port);
    }
  }
}
