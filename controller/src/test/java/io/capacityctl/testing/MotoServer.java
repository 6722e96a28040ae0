package io.capacityctl.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running {@code moto_server} for AWS adapter tests. Register it on a static
 * field:
 *
 * <pre>{@code @RegisterExtension static final MotoServer MOTO = new MotoServer();}</pre>
 *
 * <p>One server per test JVM, started on a free port on first use and stopped when the JVM's tests
 * end; its state is reset before every test. Without a {@code moto_server} binary on the PATH (or
 * at {@code $MOTO_SERVER}) the tests are skipped, saying how to install it.
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, AwsEmulator {
  static final String INSTALL_HINT =
      "moto_server not found on PATH (or $MOTO_SERVER): install it with"
          + " pip install \"moto[server]\" to run the AWS emulator tests";
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private Running server;

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<Path> binary = binary();
    if (binary.isPresent()) {
      server =
          context
              .getRoot()
              .getStore(ExtensionContext.Namespace.create(MotoServer.class))
              .getOrComputeIfAbsent(Running.class, k -> Running.start(binary.get()), Running.class);
    }
  }

  /** Skips each test (so the build reports them as skipped, with the hint) or resets moto. */
  @Override
  public void beforeEach(ExtensionContext context) {
    Assumptions.assumeTrue(server != null, INSTALL_HINT);
    reset();
  }

  @Override
  public URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("moto_server is not running (register MotoServer as static)");
    }
    return server.endpoint;
  }

  static Optional<Path> binary() {
    String explicit = System.getenv("MOTO_SERVER");
    if (explicit != null && Files.isExecutable(Path.of(explicit))) {
      return Optional.of(Path.of(explicit));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "moto_server");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The server process; closed (killed) by JUnit when the root context closes. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final URI endpoint;
    private final Path log;

    private Running(Process process, URI endpoint, Path log) {
      this.process = process;
      this.endpoint = endpoint;
      this.log = log;
    }

    static Running start(Path binary) {
      try {
        int port = freePort();
        Path log = Files.createTempFile("moto-server-" + port + "-", ".log");
        Process process =
            new ProcessBuilder(List.of(binary.toString(), "-H", "127.0.0.1", "-p", "" + port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Running running = new Running(process, URI.create("http://127.0.0.1:" + port), log);
        running.awaitReady();
        return running;
      } catch (IOException e) {
        throw new IllegalStateException("could not start moto_server", e);
      }
    }

    private void awaitReady() throws IOException {
      long deadline = System.nanoTime() + STARTUP.toNanos();
      HttpRequest probe =
          HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
              .timeout(Duration.ofSeconds(2))
              .GET()
              .build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "moto_server exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
        try {
          SharedHttp.PROBE.send(probe, HttpResponse.BodyHandlers.discarding());
          return;
        } catch (IOException notYet) {
          sleep(Duration.ofMillis(100));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for moto_server", e);
        }
      }
      close();
      throw new IllegalStateException(
          "moto_server did not answer within " + STARTUP + ":\n" + Files.readString(log));
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    private static void sleep(Duration d) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
    }
  }
}
