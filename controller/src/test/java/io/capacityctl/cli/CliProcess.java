package io.capacityctl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code capacityctl ARGS} in a JVM of its own, as a user starts it: an environment the test sets
 * (no AWS variables, a home of its own), real signals, the real exit code. Output goes to files, so
 * a chatty process never blocks on a full pipe.
 */
final class CliProcess implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;

  private CliProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts the CLI with exactly {@code env} as its environment (plus {@code PATH}), working in and
   * writing its output under {@code dir}.
   */
  static CliProcess start(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(dir, "stdout", ".txt");
      Path err = Files.createTempFile(dir, "stderr", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().clear();
      pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      pb.environment().putAll(env);
      return new CliProcess(pb.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to the end (at most {@code timeout}) and returns what it printed and its exit code. */
  static CliRun run(Path dir, Map<String, String> env, Duration timeout, String... args) {
    try (CliProcess p = start(dir, env, args)) {
      return p.waitFor(timeout);
    }
  }

  /** A home directory of its own and nothing of AWS: no region, no credentials, no IMDS. */
  static Map<String, String> bareEnvironment(Path home) {
    return Map.of(
        "HOME", home.toString(),
        // Never the machine's own sandbox (~/.capacityctl/sandbox may hold another version's).
        "CAPACITYCTL_SANDBOX", home.resolve("sandbox").toString(),
        "AWS_CONFIG_FILE", home.resolve("no-aws-config").toString(),
        "AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString(),
        // No instance metadata on a laptop; without this the SDK spends seconds finding out.
        "AWS_EC2_METADATA_DISABLED", "true");
  }

  /** Waits until stdout shows a line matching {@code ready}; false when the process ended first. */
  boolean awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (stdout().lines().anyMatch(ready)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** Sends SIGTERM, as {@code kill PID}, ECS or systemd stopping the process would. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL: no handler, no shutdown hook, whatever it was doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  CliRun waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "still running after " + timeout + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new CliRun(process.exitValue(), stdout(), stderr());
  }

  String stdout() {
    return read(out);
  }

  String stderr() {
    return read(err);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
