package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.Overrides;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capacityctl override set}. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Set an override: --model M --units N, --ecs --tasks N, or --pause (of --model M, of --ecs,"
          + " or of everything). At most 7 days; a reason is required; audited with your identity."
    })
final class OverrideSetCommand extends GraphCommand {
  @Option(names = "--model", paramLabel = "MODEL", description = "Model key from the config.")
  String model;

  @Option(names = "--units", paramLabel = "N", description = "Model units to hold.")
  Integer units;

  @Option(names = "--ecs", description = "Override the ECS service.")
  boolean ecs;

  @Option(names = "--tasks", paramLabel = "N", description = "ECS tasks to hold.")
  Integer tasks;

  @Option(names = "--pause", description = "Freeze capacity as it is (no action at all).")
  boolean pause;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "DURATION",
      description = "How long, e.g. 90m, 6h, 2d (at most 7d).")
  Duration duration;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  OverrideSetCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    List<String> targets = targets(config);
    int amount = units != null ? units : tasks != null ? tasks : 0;
    List<CapacityOverride> set = new ArrayList<>();
    for (String target : targets) {
      set.add(graph.overrides().set(target, amount, pause, duration, reason));
    }
    if (json()) {
      Json.print(out, set);
    } else {
      set.forEach(o -> out.printf("override set: %s by %s%n", Overrides.describe(o), o.who()));
    }
    return ExitCodes.OK;
  }

  /** Checks the option combination before anything is written. */
  private List<String> targets(CapacityConfig config) {
    int kinds = (units != null ? 1 : 0) + (tasks != null ? 1 : 0) + (pause ? 1 : 0);
    if (kinds != 1) {
      throw new RefusedException("--units", "give exactly one of --units, --tasks or --pause");
    }
    if (model != null && ecs) {
      throw new RefusedException("--ecs", "give --model or --ecs, not both");
    }
    if (units != null && model == null) {
      throw new RefusedException("--model", "required with --units");
    }
    if (tasks != null && !ecs) {
      throw new RefusedException("--ecs", "required with --tasks");
    }
    if (model != null) {
      return List.of(model);
    }
    if (ecs) {
      return List.of(CapacityOverride.ECS);
    }
    List<String> all = new ArrayList<>(config.modelKeys()); // --pause alone: everything
    if (config.ecs() != null) {
      all.add(CapacityOverride.ECS);
    }
    return all;
  }
}
