package io.capacityctl.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (live: the scheduler runs passes) and {@code /readyz} (the first pass is done)
 * for the ECS container health check, on the JDK's own HTTP server: 200 or 503 with a JSON body.
 */
final class HealthServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  HealthServer(int port, DaemonStatus status) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    server.createContext("/healthz", ex -> answer(ex, status::live, status));
    server.createContext("/readyz", ex -> answer(ex, status::ready, status));
  }

  void start() {
    server.start();
  }

  /** The port listened on (the one picked when 0 was asked for). */
  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private static void answer(HttpExchange ex, BooleanSupplier ok, DaemonStatus status)
      throws IOException {
    byte[] body;
    try {
      body = JSON.writeValueAsString(status.view()).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(ok.getAsBoolean() ? 200 : 503, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
