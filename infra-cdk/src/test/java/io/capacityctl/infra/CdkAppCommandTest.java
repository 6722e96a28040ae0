package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `npx aws-cdk@2 synth` runs (cdk.json's app): on a fresh clone it builds the jars first, or
 * says in one line what to run; it never prints jsii's Node end-of-life banner (issue 18).
 */
class CdkAppCommandTest {

  @Test
  void cdkJsonRunsTheScriptThatSilencesTheNodeBanner() throws Exception {
    Map<?, ?> cdk = new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);

    assertThat(cdk.get("app")).isEqualTo("sh bin/cdk-app");
    assertThat(Files.readString(Path.of("bin/cdk-app")))
        .contains("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION")
        .contains("mvn -B -q -DskipTests package");
  }

  @Test
  void unbuiltAndWithoutMavenItSaysInOneLineWhatToRunFirst(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("infra-cdk/bin/cdk-app");
    Files.createDirectories(script.getParent());
    Files.copy(Path.of("bin/cdk-app"), script);
    // A PATH with the shell's helpers but no mvn, and no target/ under infra-cdk.
    Path tools = Files.createDirectories(dir.resolve("tools"));
    Files.createSymbolicLink(tools.resolve("dirname"), Path.of("/usr/bin/dirname"));

    ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString());
    pb.environment().put("PATH", tools.toString());
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("run 'mvn -B -DskipTests package' at the repository root first");
    assertThat(err).doesNotContain("ClassNotFoundException").doesNotContain("classpath.txt");
  }
}
