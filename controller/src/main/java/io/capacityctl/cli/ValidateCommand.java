package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code capacityctl validate}: checks a configuration and lists every problem by line. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a configuration; every problem is listed as file:line: field: message.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Mixin OutputOption output;

  // `validate my-team.yaml` is what a new user types first: the file as an argument, as -c takes
  // it.
  @Parameters(
      arity = "0..1",
      paramLabel = "LOCATION",
      description = "The configuration to check, as -c/--config takes it.")
  String location;

  private final CliEnvironment env;

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = env.out();
    if (location != null) {
      if (config.location != null && !config.location.equals(location)) {
        env.err()
            .println(
                "validate: two configurations given (--config "
                    + config.location
                    + " and "
                    + location
                    + "): give one");
        return ExitCodes.BAD_INPUT;
      }
      config.location = location;
    }
    try {
      CapacityConfig c = config.load();
      if (output.json()) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("valid", true);
        v.put("source", c.source());
        v.put("name", c.name());
        v.put("models", c.modelKeys());
        v.put("ecs", c.ecs() == null ? null : c.ecs().cluster() + "/" + c.ecs().service());
        v.put("scheduleWindows", c.schedule().size());
        v.put("events", c.events().size());
        Json.print(out, v);
      } else {
        out.printf(
            "OK %s: config %s, models %s, %s, %d schedule windows, %d events%n",
            c.source(),
            c.name(),
            c.modelKeys(),
            c.ecs() == null ? "no ECS" : "ECS " + c.ecs().cluster() + "/" + c.ecs().service(),
            c.schedule().size(),
            c.events().size());
      }
      return ExitCodes.OK;
    } catch (ConfigException e) {
      if (output.json()) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("valid", false);
        v.put("errors", e.errors());
        Json.print(out, v);
      } else {
        env.err().println(e.getMessage());
      }
      return ExitCodes.BAD_INPUT;
    }
  }
}
