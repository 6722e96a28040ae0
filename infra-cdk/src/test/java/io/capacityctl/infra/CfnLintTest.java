package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The synthesised templates pass cfn-lint (CloudFormation's own linter: resource specs, property
 * types, limits). Skipped, with a message, where cfn-lint is not installed ({@code pip install
 * cfn-lint}).
 */
class CfnLintTest {

  @Test
  void synthesisedTemplatesPassCfnLint() throws Exception {
    assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed: pip install cfn-lint");
    Synthesized.lambda();
    Synthesized.ecs();
    Synthesized.fileConfig();
    Synthesized.s3Config();
    // W3005 (DependsOn also implied by a GetAtt) is CDK's own: a Lambda function depends on its
    // role and the role's policy, so that the first invocation is never denied. Redundant,
    // harmless.
    List<String> command =
        new ArrayList<>(
            List.of("cfn-lint", "--format", "parseable", "--ignore-checks", "W3005", "--"));
    // Only the tests' own assemblies: a `cdk synth` of a developer may sit in target/cdk.out too.
    for (String stack : List.of("lambda", "ecs", "file-config", "s3-config")) {
      try (Stream<Path> files = Files.list(Synthesized.OUT.resolve(stack))) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".template.json"))
            .forEach(f -> command.add(f.toString()));
      }
    }
    assertThat(command).hasSize(6 + 4);

    Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();

    // Exit status 0: no error, no warning, no informational finding.
    assertThat(lint.exitValue()).as("cfn-lint findings:%n%s", output).isZero();
  }

  private static boolean onPath(String binary) throws IOException {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }
}
