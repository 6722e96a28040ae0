package io.capacityctl.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS query-protocol endpoint (CloudWatch's, at SDK 2.38.6) that answers every request with one
 * error, as the service sends it: an {@code ErrorResponse} document with the code and message. For
 * the faults moto does not produce (AccessDenied, throttling). Counts the requests it answered.
 */
public final class AwsErrorServer implements AutoCloseable {
  private final HttpServer http;
  private final AtomicInteger requests = new AtomicInteger();

  private AwsErrorServer(HttpServer http) {
    this.http = http;
  }

  /** Every request gets HTTP {@code status} with error {@code code} and {@code message}. */
  public static AwsErrorServer answering(int status, String code, String message) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      AwsErrorServer server = new AwsErrorServer(http);
      byte[] body =
          ("<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error>"
                  + "<Type>Sender</Type><Code>"
                  + code
                  + "</Code><Message>"
                  + message
                  + "</Message></Error><RequestId>test</RequestId></ErrorResponse>")
              .getBytes(StandardCharsets.UTF_8);
      http.createContext(
          "/",
          exchange -> {
            server.requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      http.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Requests answered so far (the SDK's retries count). */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
