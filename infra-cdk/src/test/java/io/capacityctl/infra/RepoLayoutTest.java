package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoLayoutTest {

  @Test
  void findsTheRepositoryFromInfraCdkOrTheRoot(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectories(root.resolve("infra-cdk/src"));

    assertThat(RepoLayout.find(root.resolve("infra-cdk")).root()).isEqualTo(root.toAbsolutePath());
    assertThat(RepoLayout.find(root).lambdaJar())
        .isEqualTo(root.resolve("lambda-handlers/target/capacityctl-lambda.jar"));
  }

  @Test
  void thisRepositoryHasTheDockerfileTheStackBuilds() {
    RepoLayout repo = RepoLayout.find(Path.of(""));

    assertThat(repo.root().resolve("Dockerfile")).isRegularFile();
    assertThat(repo.root().resolve(".dockerignore"))
        .content()
        .contains("!controller/target/capacityctl.jar");
  }

  @Test
  void aMissingArtifactFailsWithTheBuildCommand(@TempDir Path root) {
    Path jar = root.resolve("lambda-handlers/target/capacityctl-lambda.jar");

    assertThatThrownBy(() -> RepoLayout.requireBuilt(jar))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(jar.toString())
        .hasMessageContaining("mvn -B -DskipTests package");
  }

  @Test
  void outsideARepositoryTheErrorSaysWhatToPass(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> RepoLayout.find(elsewhere))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-c lambdaJar=");
  }
}
