package io.capacityctl.fake.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.capacityctl.aws.AwsClientFactory;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.testing.AwsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A wire-level fake of the Bedrock PT control plane on a free loopback port: the REST-JSON paths,
 * query parameters, bodies and error shapes ({@code x-amzn-ErrorType} header, {@code message} body)
 * the real SDK speaks, over {@link FakePtControlPlane}. Tests point a real {@code BedrockClient} at
 * {@link #endpoint()} with static fake credentials, inject errors per operation, and assert on the
 * recorded calls.
 *
 * <pre>{@code
 * try (FakeBedrockServer fake = FakeBedrockServer.start(clock, "us-east-1")) {
 *   BedrockClient client = fake.clients().build(BedrockClient.builder());
 *   fake.failNext(PtOperation.CREATE, 1, BedrockErrorCode.THROTTLING);
 * }
 * }</pre>
 */
public final class FakeBedrockServer implements AutoCloseable {
  /** Static fake credentials: the SDK signs every request; the fake only checks it is signed. */
  public static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake"));

  static {
    // Headers and body leave in two writes; without TCP_NODELAY, Nagle holds the body until the
    // client's delayed ACK (~40 ms) and every call pays it. Read once, when the JDK server loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ERROR_TYPE_SUFFIX =
      ":http://internal.amazon.com/coral/com.amazon.bedrock/";

  private final HttpServer http;
  private final FakePtControlPlane plane;
  private final Region region;
  private final Map<PtOperation, Deque<BedrockErrorCode>> injected =
      new EnumMap<>(PtOperation.class);
  private final Map<PtOperation, Integer> lostResponses = new EnumMap<>(PtOperation.class);
  private final List<RecordedCall> calls = new ArrayList<>();

  private FakeBedrockServer(HttpServer http, FakePtControlPlane plane, Region region) {
    this.http = http;
    this.plane = plane;
    this.region = region;
  }

  /** Starts a fake whose PTs live in {@code region} and whose time is {@code clock}. */
  public static FakeBedrockServer start(Clock clock, String region) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeBedrockServer fake =
          new FakeBedrockServer(http, new FakePtControlPlane(clock, region), Region.of(region));
      http.createContext("/", fake::handle);
      http.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code endpointOverride} for the SDK client. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /**
   * A client factory configured as in production (adaptive retries, shared Apache HTTP client) but
   * pointed at this fake with static fake credentials.
   */
  public AwsClientFactory clients() {
    return new AwsClientFactory(
        AwsTarget.emulator(endpoint(), region, CREDENTIALS), AwsEmulator.SharedHttp.CLIENT);
  }

  /** The control plane behind the wire: seed PTs, set quota, provisioning time, page size. */
  public FakePtControlPlane plane() {
    return plane;
  }

  /** The next {@code times} calls of {@code op} fail with {@code error} and change nothing. */
  public synchronized void failNext(PtOperation op, int times, BedrockErrorCode error) {
    Deque<BedrockErrorCode> queue = injected.computeIfAbsent(op, k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(error);
    }
  }

  /**
   * The next {@code times} calls of {@code op} take effect but answer InternalServerException, as
   * when a response is lost: the SDK retries, and only idempotency keeps it from acting twice.
   */
  public synchronized void loseNextResponses(PtOperation op, int times) {
    lostResponses.merge(op, times, Integer::sum);
  }

  /** Every call received, in order. */
  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  /** Calls received for {@code op}, including failed ones. */
  public synchronized List<RecordedCall> calls(PtOperation op) {
    return calls.stream().filter(c -> c.operation() == op).toList();
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String rawPath = ex.getRequestURI().getRawPath();
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      PtOperation op =
          Arrays.stream(PtOperation.values())
              .filter(o -> o.matches(method, rawPath))
              .findFirst()
              .orElse(null);
      if (op == null) {
        send(ex, 404, "UnknownOperationException", "no operation at " + method + " " + rawPath);
        return;
      }
      synchronized (this) {
        Reply reply = reply(ex, op, rawPath, query, body);
        calls.add(new RecordedCall(op, method, rawPath, query, body, reply.status, reply.error));
        if (reply.error == null) {
          sendJson(ex, reply.status, reply.json);
        } else {
          send(ex, reply.status, reply.error, reply.message);
        }
      }
    }
  }

  private record Reply(int status, ObjectNode json, String error, String message) {}

  private Reply reply(
      HttpExchange ex, PtOperation op, String rawPath, Map<String, String> query, String body) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
      return new Reply(403, null, "MissingAuthenticationTokenException", "request is not signed");
    }
    BedrockErrorCode forced = injected.getOrDefault(op, new ArrayDeque<>()).poll();
    if (forced != null) {
      return new Reply(
          forced.httpStatus(), null, forced.wireName(), "injected " + forced.wireName());
    }
    try {
      ObjectNode json = dispatch(op, rawPath, query, body);
      if (lostResponses.getOrDefault(op, 0) > 0) {
        lostResponses.merge(op, -1, Integer::sum);
        BedrockErrorCode lost = BedrockErrorCode.INTERNAL_SERVER;
        return new Reply(lost.httpStatus(), null, lost.wireName(), "response lost");
      }
      return new Reply(op.successStatus(), json, null, null);
    } catch (BedrockFault f) {
      return new Reply(f.code().httpStatus(), null, f.code().wireName(), f.getMessage());
    }
  }

  private ObjectNode dispatch(
      PtOperation op, String rawPath, Map<String, String> query, String body) {
    return switch (op) {
      case CREATE -> plane.create(json(body));
      case LIST -> plane.list(query);
      case GET -> plane.get(decode(op.rawId(rawPath)));
      case UPDATE -> plane.update(decode(op.rawId(rawPath)), json(body));
      case DELETE -> plane.delete(decode(op.rawId(rawPath)));
      case LIST_TAGS -> plane.listTags(json(body));
      case TAG_RESOURCE -> plane.tagResource(json(body));
    };
  }

  private static JsonNode json(String body) {
    try {
      return body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
    } catch (IOException e) {
      throw new BedrockFault(BedrockErrorCode.VALIDATION, "malformed JSON body: " + e.getMessage());
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      out.put(decode(key), eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void sendJson(HttpExchange ex, int status, ObjectNode json) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  /** The REST-JSON error shape: type in {@code x-amzn-ErrorType}, text in {@code message}. */
  private static void send(HttpExchange ex, int status, String errorType, String message)
      throws IOException {
    ex.getResponseHeaders().add("x-amzn-ErrorType", errorType + ERROR_TYPE_SUFFIX);
    ObjectNode body = MAPPER.createObjectNode().put("message", message);
    sendJson(ex, status, body);
  }
}
