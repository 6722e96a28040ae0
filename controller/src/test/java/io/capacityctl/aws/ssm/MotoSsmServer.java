package io.capacityctl.aws.ssm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A {@code moto_server} process on a free loopback port for SSM tests; skips the test (JUnit
 * assumption) when moto is not installed. Minimal on purpose: a shared moto harness is being
 * written elsewhere and will replace this one.
 */
final class MotoSsmServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private MotoSsmServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static final String INSTALL_HINT =
      "moto_server not found on PATH; install it with: pip install \"moto[server]\"";

  /** True when the {@code moto_server} binary is on the PATH. */
  static boolean installed() {
    return onPath("moto_server").isPresent();
  }

  /**
   * Starts moto; a test calls {@code assumeTrue(installed(), INSTALL_HINT)} first, per test, so
   * surefire reports each skip with the hint (a class-level skip is reported as zero tests).
   */
  static MotoSsmServer start() throws InterruptedException {
    Path binary = onPath("moto_server").orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
    int port = freePort();
    Process process;
    try {
      process =
          new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MotoSsmServer server = new MotoSsmServer(process, port);
    server.awaitListening();
    return server;
  }

  SsmClient client() {
    return SsmClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  /** Stops moto and any child it forked (the pyenv shim may), and reaps it. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroy();
    throw new IllegalStateException("moto_server did not listen on " + port + " within " + STARTUP);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String name) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
