package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capacityctl completion bash|zsh}: the script picocli generates, loaded into a real bash
 * and asked what it completes, as the shell asks on [TAB].
 */
class CompletionTest {
  @TempDir Path dir;

  /** The words bash offers after {@code line} (the cursor at its end). */
  private List<String> complete(Path script, String line) throws Exception {
    Path out = dir.resolve("reply.txt");
    String words = line.endsWith(" ") ? line + "''" : line;
    String program =
        "source '%s' 2>/dev/null; COMP_WORDS=(%s); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                .formatted(script, words)
            + " COMP_LINE='%s'; COMP_POINT=${#COMP_LINE}; _complete_capacityctl 2>/dev/null;"
                .formatted(line)
            + " printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "-c", program).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readAllLines(out).stream().filter(s -> !s.isBlank()).toList();
  }

  private Path script(String shell) throws IOException {
    CliRun run = CliRun.system("completion", shell);
    assertThat(run.code()).as(run.err()).isZero();
    Path script = dir.resolve("capacityctl." + shell);
    Files.writeString(script, run.out());
    return script;
  }

  @Test
  void bashCompletesCommandsSubcommandsOptionsAndTheirValues() throws Exception {
    Path script = script("bash");

    assertThat(complete(script, "capacityctl sand")).containsExactly("sandbox");
    assertThat(complete(script, "capacityctl sandbox "))
        .containsExactlyInAnyOrder("show", "advance", "reset");
    assertThat(complete(script, "capacityctl status --clo")).containsExactly("--cloud");
    assertThat(complete(script, "capacityctl status --cloud ")).containsExactly("aws", "sim");
    assertThat(complete(script, "capacityctl tokens check -o ")).containsExactly("table", "json");
    assertThat(complete(script, "capacityctl override set --rea")).containsExactly("--reason");
  }

  @Test
  void zshGetsTheSameScriptWhichLoadsBashCompatibilityThere() throws Exception {
    String zsh = Files.readString(script("zsh"));
    String bash = Files.readString(script("bash"));

    assertThat(zsh).isEqualTo(bash).contains("bashcompinit").contains("ZSH_VERSION");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    CliRun fish = CliRun.system("completion", "fish");

    assertThat(fish.code()).isEqualTo(2);
    assertThat(fish.err()).contains("bash|zsh").contains("fish");
  }
}
