package io.capacityctl.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the deployable artifacts are in the repository, found from the directory the app runs in
 * ({@code infra-cdk/} under {@code cdk synth}, or the repository root).
 */
public record RepoLayout(Path root) {

  /** The nearest directory at or above {@code start} holding the Dockerfile and infra-cdk/. */
  public static RepoLayout find(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("Dockerfile"))
          && Files.isDirectory(dir.resolve("infra-cdk"))) {
        return new RepoLayout(dir);
      }
    }
    throw new IllegalArgumentException(
        "no capacityctl repository (Dockerfile and infra-cdk/) at or above "
            + start.toAbsolutePath()
            + "; run the app from the repository or pass -c lambdaJar=... / -c imageDir=...");
  }

  /** The shaded jar of the Lambda handlers. */
  public Path lambdaJar() {
    return root.resolve("lambda-handlers/target/capacityctl-lambda.jar");
  }

  /** The controller's shaded jar, which the Dockerfile copies into the image. */
  public Path controllerJar() {
    return root.resolve("controller/target/capacityctl.jar");
  }

  /**
   * Fails with the build command when {@code artifact} has not been built: a missing jar would
   * otherwise surface only at deploy time, as an empty asset or a failed image build.
   */
  public static Path requireBuilt(Path artifact) {
    if (!Files.exists(artifact)) {
      throw new IllegalArgumentException(
          artifact
              + " does not exist: build it first with `mvn -B -DskipTests package` at the"
              + " repository root");
    }
    return artifact;
  }
}
