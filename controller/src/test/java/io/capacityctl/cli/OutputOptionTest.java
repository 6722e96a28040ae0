package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code -o, --output table|json} on every command. */
class OutputOptionTest {
  /** Commands whose output is not a result: a shell script. */
  private static final Set<String> NOT_A_RESULT = Set.of("capacityctl completion");

  @Test
  void everyCommandTakesOutputAndItsShortForm() {
    List<String> missing = new ArrayList<>();
    List<String> leaves = new ArrayList<>();
    collect(new CommandLine(new Main(), new NoEnvironmentFactory()).getCommandSpec(), leaves);

    for (String name : leaves) {
      CommandSpec spec = find(name);
      if (NOT_A_RESULT.contains(name)) {
        continue;
      }
      if (spec.findOption("--output") == null || spec.findOption("-o") == null) {
        missing.add(name);
      }
    }

    assertThat(leaves).contains("capacityctl tokens check", "capacityctl run", "capacityctl plan");
    assertThat(missing).as("commands without -o/--output").isEmpty();
  }

  @Test
  void validateTakesTheShortForm() throws Exception {
    CliRun run = CliRun.system("validate", "-o", "json");

    assertThat(run.code()).isZero();
    assertThat(Json.MAPPER.readTree(run.out()).get("valid").asBoolean()).isTrue();
  }

  private static void collect(CommandSpec spec, List<String> leaves) {
    if (spec.subcommands().isEmpty()) {
      leaves.add(spec.qualifiedName());
      return;
    }
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), leaves));
  }

  private static CommandSpec find(String qualifiedName) {
    CommandLine cl = new CommandLine(new Main(), new NoEnvironmentFactory());
    for (String part : qualifiedName.split(" ")) {
      if (!part.equals("capacityctl")) {
        cl = cl.getSubcommands().get(part);
      }
    }
    return cl.getCommandSpec();
  }

  /** Builds the commands without running any: those that take an environment get the system's. */
  private static final class NoEnvironmentFactory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(CliEnvironment.class)
            .newInstance(CliEnvironment.system());
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
