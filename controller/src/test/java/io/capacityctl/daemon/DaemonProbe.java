package io.capacityctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the daemon tests ask a running daemon: its HTTP endpoints, and waiting for a condition. */
final class DaemonProbe {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DaemonProbe() {}

  /** GET {@code path} on the daemon's health port. */
  static HttpResponse<String> get(Daemon daemon, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + daemon.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls every 20 ms until {@code condition} holds, failing after {@code patience} of real time
   * (generous: the daemon runs on an accelerated clock on a machine that may be loaded).
   */
  static void waitFor(Duration patience, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
