package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/capacityctl}, the launcher, run by bash with a stand-in {@code java} that records the
 * command line it was given: which jar, which JVM flags for which command, arguments untouched.
 */
class LauncherTest {
  /** The launcher in this checkout (tests run in controller/). */
  private static final Path LAUNCHER =
      Path.of("").toAbsolutePath().getParent().resolve("bin").resolve("capacityctl");

  @TempDir Path dir;
  private Path tools;
  private Path jar;
  private Path recorded;

  /** A {@code java} that writes its arguments one per line, and the few tools the script uses. */
  @BeforeEach
  void standIns() throws IOException {
    tools = Files.createDirectories(dir.resolve("tools"));
    recorded = dir.resolve("java-args.txt");
    Path java = tools.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$RECORD\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String tool : List.of("dirname", "readlink")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
    }
    jar = Files.writeString(dir.resolve("capacityctl.jar"), "not really a jar");
  }

  private record Ran(int code, String err, List<String> javaArgs) {}

  private Ran launch(Path launcher, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().clear();
    pb.environment().put("PATH", tools.toString());
    pb.environment().put("RECORD", recorded.toString());
    pb.environment().putAll(env);
    Files.deleteIfExists(recorded);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> javaArgs = Files.exists(recorded) ? Files.readAllLines(recorded) : List.of();
    return new Ran(p.exitValue(), Files.readString(dir.resolve("err.txt")), javaArgs);
  }

  private Ran launch(String... args) throws Exception {
    return launch(LAUNCHER, Map.of("CAPACITYCTL_JAR", jar.toString()), args);
  }

  @Test
  void aCliCommandRunsOnC1WithTheParallelCollectorAndItsArgumentsArriveUntouched()
      throws Exception {
    Ran simulate = launch("simulate", "--days", "2");
    Ran override =
        launch("override", "set", "--model", "sonnet", "--reason", "final chapter", "--for", "6h");

    assertThat(simulate.code()).as(simulate.err()).isZero();
    assertThat(simulate.javaArgs())
        .containsExactly(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseParallelGC",
            "-jar",
            jar.toString(),
            "simulate",
            "--days",
            "2");
    assertThat(override.javaArgs())
        .endsWith(
            "override", "set", "--model", "sonnet", "--reason", "final chapter", "--for", "6h");
  }

  @Test
  void theDaemonKeepsTheOptimisingCompiler() throws Exception {
    Ran run = launch("run", "--cloud", "sim");
    Ran help = launch("--help");

    assertThat(run.javaArgs()).containsExactly("-jar", jar.toString(), "run", "--cloud", "sim");
    assertThat(help.javaArgs()).startsWith("-XX:TieredStopAtLevel=1");
  }

  @Test
  void extraJvmOptionsAndJavaHomeAreHonoured() throws Exception {
    Path home = Files.createDirectories(dir.resolve("jdk").resolve("bin"));
    Files.copy(tools.resolve("java"), home.resolve("java"));
    Map<String, String> env = new HashMap<>();
    env.put("CAPACITYCTL_JAR", jar.toString());
    env.put("CAPACITYCTL_JAVA_OPTS", "-Xmx256m -Dlog4j2.configurationFile=log4j2-json.xml");
    env.put("JAVA_HOME", home.getParent().toString());
    env.put("PATH", dir.resolve("no-such-dir").toString() + ":" + tools);
    Files.delete(tools.resolve("java")); // only JAVA_HOME's java remains

    Ran status = launch(LAUNCHER, env, "status");

    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.javaArgs())
        .containsExactly(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseParallelGC",
            "-Xmx256m",
            "-Dlog4j2.configurationFile=log4j2-json.xml",
            "-jar",
            jar.toString(),
            "status");
  }

  @Test
  void aCollectorChosenInTheJavaOptionsWins() throws Exception {
    // Two collectors on one command line stop the JVM before it starts.
    Ran status =
        launch(
            LAUNCHER,
            Map.of("CAPACITYCTL_JAR", jar.toString(), "CAPACITYCTL_JAVA_OPTS", "-XX:+UseG1GC"),
            "status");

    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.javaArgs())
        .containsExactly(
            "-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "-jar", jar.toString(), "status");
    // A tuning option that only mentions collection chooses no collector.
    Ran tuned =
        launch(
            LAUNCHER,
            Map.of(
                "CAPACITYCTL_JAR",
                jar.toString(),
                "CAPACITYCTL_JAVA_OPTS",
                "-XX:MaxGCPauseMillis=50"),
            "status");
    assertThat(tuned.javaArgs())
        .startsWith("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:MaxGCPauseMillis=50");
  }

  @Test
  void aMissingJarWithoutMavenSaysInOneLineHowToBuildIt() throws Exception {
    Ran missing =
        launch(LAUNCHER, Map.of("CAPACITYCTL_JAR", dir.resolve("none.jar").toString()), "plan");
    // Linked from elsewhere, without CAPACITYCTL_JAR: the checkout's own jar path, found through
    // the link (no Maven on this PATH to build it).
    Path link = dir.resolve("elsewhere").resolve("capacityctl");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, LAUNCHER);
    Path checkoutJar =
        LAUNCHER.getParent().getParent().resolve("controller/target/capacityctl.jar");
    Files.deleteIfExists(recorded);
    Ran linked = launch(link, Map.of(), "plan");

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.javaArgs()).isEmpty();
    assertThat(missing.err().lines()).hasSize(1);
    assertThat(missing.err())
        .startsWith("capacityctl: no jar at " + dir.resolve("none.jar"))
        .contains("mvn -B -q -pl controller -am package -DskipTests");
    if (!Files.exists(checkoutJar)) {
      assertThat(linked.code()).isEqualTo(2);
      assertThat(linked.err()).startsWith("capacityctl: no jar at " + checkoutJar);
    } else {
      assertThat(linked.javaArgs()).contains(checkoutJar.toString());
    }
  }
}
