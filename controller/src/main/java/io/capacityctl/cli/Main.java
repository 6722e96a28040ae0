package io.capacityctl.cli;

import io.capacityctl.config.ConfigException;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.ports.CloudException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** The {@code capacityctl} command line: one subcommand per operator task. */
@Command(
    name = "capacityctl",
    mixinStandardHelpOptions = true,
    version = "capacityctl 0.1.0",
    description = "Capacity controller for Amazon Bedrock provisioned throughput and ECS.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      StatusCommand.class,
      OverrideCommand.class,
      EventsCommand.class,
      HealthCommand.class,
      ReportCommand.class,
      RunCommand.class,
      SimulateCommand.class,
      TraceCommand.class,
      TokensCommand.class,
      SandboxCommand.class,
      CompletionCommand.class,
      BacktestCommand.class
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@code main}). */
  public static int run(String... args) {
    return run(CliEnvironment.system(), args);
  }

  /** Runs the CLI with its output and errors going to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(CliEnvironment.system(out, err), args);
  }

  /** Runs the CLI in {@code env} (tests: a simulated account shared with other modes). */
  public static int run(CliEnvironment env, String... args) {
    CommandLine cl = new CommandLine(new Main(), factory(env));
    cl.setCaseInsensitiveEnumValuesAllowed(true)
        // Plain help: the terminal writer escapes control characters, ANSI colours included.
        .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
        .setOut(env.out())
        .setErr(env.err())
        .setExecutionExceptionHandler(Main::handle);
    cl.registerConverter(Duration.class, new DurationConverter());
    int code = cl.execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Errors every command may meet, each with its exit code and a message naming the cause. */
  private static int handle(Exception e, CommandLine cmd, ParseResult parsed) throws Exception {
    if (e instanceof RefusedException) {
      cmd.getErr().println(e.getMessage());
      return ExitCodes.USAGE;
    }
    if (e instanceof ConfigException) {
      cmd.getErr().println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof CloudException) {
      cmd.getErr().println("error: " + e.getMessage());
      return ExitCodes.PROBLEM;
    }
    if (e instanceof SdkException) {
      // An SDK failure no adapter classified: its first line says what (the rest is the chain).
      cmd.getErr().println("error: " + e.getMessage().lines().findFirst().orElse(""));
      return ExitCodes.PROBLEM;
    }
    throw e;
  }

  /** Commands that work on a cloud take the environment in their constructor. */
  private static IFactory factory(CliEnvironment env) {
    IFactory fallback = CommandLine.defaultFactory();
    return new IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        try {
          return cls.getDeclaredConstructor(CliEnvironment.class).newInstance(env);
        } catch (NoSuchMethodException e) {
          return fallback.create(cls);
        }
      }
    };
  }
}
