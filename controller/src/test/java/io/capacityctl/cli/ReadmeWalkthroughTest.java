package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run-modes walkthrough, run verbatim: the commands are read out of the README's
 * marked block, so the README cannot drift from what works. Each runs as {@code bin/capacityctl}
 * would run it, on a fresh sandbox, and exits 0 unless its comment says {@code exit N}; then the
 * loop a new user follows — override set, list, plan, apply, status — must show what it promises.
 */
class ReadmeWalkthroughTest {
  private static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");
  private static final String LAUNCHER = "bin/capacityctl";
  private static final Pattern EXIT = Pattern.compile("\\bexit (\\d+)");

  @TempDir Path sandbox;

  /** One command of the block: its arguments, the exit code it promises, its line. */
  record Step(List<String> args, int exit, String line) {
    boolean is(String... command) {
      return args.size() >= command.length
          && args.subList(0, command.length).equals(List.of(command));
    }
  }

  /** A step as run: what it printed. */
  record Ran(Step step, CliRun run) {}

  @Test
  void theWalkthroughRunsVerbatimAndShowsTheOperatorsLoop() throws Exception {
    List<Step> steps = walkthrough(Files.readString(README));
    List<Ran> ran = new ArrayList<>();

    for (Step step : steps) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              CliEnvironment.system(sandbox, new PrintWriter(out), new PrintWriter(err)),
              step.args().toArray(String[]::new));
      CliRun run = new CliRun(code, out.toString(), err.toString());
      assertThat(code).as("%s%n%s%s", step.line(), run.out(), run.err()).isEqualTo(step.exit());
      ran.add(new Ran(step, run));
    }

    Ran set = first(ran, "override", "set");
    String model = option(set.step(), "--model");
    String units = option(set.step(), "--units");
    String reason = option(set.step(), "--reason");
    assertThat(after(ran, set, "override", "list").run().out())
        .contains(model + " " + units + " units");
    Ran plan = after(ran, set, "plan");
    assertThat(plan.run().out())
        .containsPattern("(?m)^" + model + " +\\d+ +" + units + " +override .*" + reason);
    Ran apply = after(ran, plan, "apply");
    assertThat(apply.run().out()).contains("ACTED").contains("create " + model + " PT");
    assertThat(after(ran, apply, "status").run().out())
        .containsPattern("(?m)^" + model + " +" + units + " ");
  }

  @Test
  void aCommandOutsideTheMarkedBlockOrWithShellSyntaxIsRefused() {
    String readme =
        """
        <!-- walkthrough: x -->
        ```bash
        bin/capacityctl status --cloud sim | head
        ```
        <!-- /walkthrough -->
        """;

    assertThatThrownBy(() -> walkthrough(readme))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not a plain command");
  }

  /** The steps of the README's marked block. */
  static List<Step> walkthrough(String readme) {
    int marker = readme.indexOf("<!-- walkthrough:");
    assertThat(marker).as("the README's <!-- walkthrough: --> marker").isNotNegative();
    int open = readme.indexOf("```bash\n", marker);
    int close = readme.indexOf("\n```", open + 1);
    assertThat(readme.indexOf("<!-- /walkthrough -->", close)).isPositive();
    List<Step> steps = new ArrayList<>();
    for (String line : readme.substring(open + 8, close).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      steps.add(step(trimmed));
    }
    assertThat(steps).as("commands in the walkthrough").isNotEmpty();
    return steps;
  }

  /** One line: shell words (quotes group), an optional trailing comment; nothing else. */
  private static Step step(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    String comment = "";
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        comment = line.substring(i);
        break;
      } else if ("$|&;<>`()\\".indexOf(c) >= 0) {
        throw new AssertionError("not a plain command (shell syntax '" + c + "'): " + line);
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    assertThat(quote == 0).as("unclosed quote: " + line).isTrue();
    assertThat(words.get(0)).as(line).isEqualTo(LAUNCHER);
    Matcher exit = EXIT.matcher(comment);
    return new Step(
        List.copyOf(words.subList(1, words.size())),
        exit.find() ? Integer.parseInt(exit.group(1)) : 0,
        line);
  }

  private static String option(Step step, String name) {
    int i = step.args().indexOf(name);
    assertThat(i).as(name + " in " + step.line()).isNotNegative();
    return step.args().get(i + 1);
  }

  private static Ran first(List<Ran> ran, String... command) {
    return ran.stream()
        .filter(r -> r.step().is(command))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("the walkthrough has no " + String.join(" ", command)));
  }

  /** The first {@code command} run after {@code before}. */
  private static Ran after(List<Ran> ran, Ran before, String... command) {
    return ran.subList(ran.indexOf(before) + 1, ran.size()).stream()
        .filter(r -> r.step().is(command))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "the walkthrough has no "
                        + String.join(" ", command)
                        + " after "
                        + before.step().line()));
  }
}
