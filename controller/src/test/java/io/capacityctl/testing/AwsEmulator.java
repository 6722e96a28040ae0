package io.capacityctl.testing;

import io.capacityctl.aws.AwsClientFactory;
import io.capacityctl.aws.AwsTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A running moto (process or container): its endpoint, the static credentials and region tests use,
 * SDK clients configured exactly as in production but pointed at it, and a state reset.
 */
public interface AwsEmulator {
  Region REGION = Region.US_EAST_1;
  StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  /** The emulator's base URI, e.g. {@code http://127.0.0.1:41234}. */
  URI endpoint();

  default AwsTarget target() {
    return AwsTarget.emulator(endpoint(), REGION, CREDENTIALS);
  }

  /** A client factory for this emulator, sharing the test JVM's one HTTP client. */
  default AwsClientFactory clients() {
    return new AwsClientFactory(target(), SharedHttp.CLIENT);
  }

  /** Drops every resource the emulator holds ({@code POST /moto-api/reset}). */
  default void reset() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response =
          SharedHttp.PROBE.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("moto reset answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto reset failed at " + endpoint(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resetting moto", e);
    }
  }

  /** HTTP clients shared by every emulator test in the JVM (and the Bedrock wire fake). */
  final class SharedHttp {
    public static final SdkHttpClient CLIENT = ApacheHttpClient.builder().build();
    static final HttpClient PROBE =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SharedHttp() {}
  }
}
