package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that works on the controller over a cloud (AWS or simulated). */
abstract class GraphCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  final CliEnvironment env;

  GraphCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public final Integer call() throws ConfigException {
    CapacityConfig config = options.config.load();
    return env.onController(
        options.cloud, config, options.config.aws, graph -> run(config, graph, env.out()));
  }

  /** The command itself; returns the exit code. */
  abstract int run(CapacityConfig config, ControllerGraph graph, PrintWriter out);

  boolean json() {
    return options.output.json();
  }
}
