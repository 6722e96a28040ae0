package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.tokens.CapacityEstimator;
import io.capacityctl.tokens.EstimateReport;
import io.capacityctl.tokens.PromptMeasurer;
import io.capacityctl.tokens.intents.IntentsFile;
import io.capacityctl.tokens.intents.IntentsLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code capacityctl tokens estimate}: tokens per request and the model units they need. */
@Command(
    name = "estimate",
    description = {
      "Per intent: tokens per request (p50, p95) and tokens/s at peak. Per model: units needed at"
          + " peak (tokensPerSecondPerUnit x policy.targetUtilization) and their monthly cost.",
      "Exit codes: 0 done, 2 bad input."
    })
final class TokensEstimateCommand implements Callable<Integer> {
  /** The configuration bundled in the jar, used when {@code --config} is not given. */
  static final String BUNDLED_CONFIG = "schedules/mangaassist.yaml";

  @Spec CommandSpec spec;

  @Option(names = "--intents", required = true, paramLabel = "FILE", description = "intents file")
  Path intents;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "capacity config (default: the bundled " + BUNDLED_CONFIG + ")")
  Path config;

  @Option(
      names = "--emit-schedule",
      description = "print only schedule windows with expectedTps (YAML), from the traffic shape")
  boolean emitSchedule;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    if (emitSchedule && output.given()) {
      throw new ParameterException(
          spec.commandLine(), "--emit-schedule prints YAML: give it or --output, not both");
    }
    EstimateReport report;
    try {
      IntentsFile file = IntentsLoader.load(intents);
      CapacityConfig capacity =
          config == null ? ConfigLoader.loadResource(BUNDLED_CONFIG) : ConfigLoader.load(config);
      report = new CapacityEstimator(new PromptMeasurer()).estimate(file, capacity);
    } catch (ConfigException e) {
      return TokensCommand.badInput(spec.commandLine().getErr(), "estimate", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (emitSchedule) {
      out.print(ScheduleSnippet.render(report));
    } else if (output.json()) {
      Json.print(out, report);
    } else {
      out.print(EstimateTable.render(report));
    }
    out.flush();
    return TokensCommand.OK;
  }
}
