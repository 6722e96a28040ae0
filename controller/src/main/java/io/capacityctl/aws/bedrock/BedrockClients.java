package io.capacityctl.aws.bedrock;

import java.net.URI;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.BedrockClientBuilder;

/**
 * Builds the Bedrock control-plane client capacityctl uses: apache HTTP client and the SDK's
 * adaptive retry mode, which backs off and rate-limits the client on throttling so no adapter
 * writes its own retry loop.
 */
public final class BedrockClients {
  private BedrockClients() {}

  /**
   * A configured builder; callers may still set credentials (tests use static fake ones).
   *
   * @param region the region, or null for the default region provider chain
   * @param endpointOverride a non-AWS endpoint (the wire fake in tests), or null for AWS
   */
  public static BedrockClientBuilder builder(String region, URI endpointOverride) {
    BedrockClientBuilder builder =
        BedrockClient.builder()
            .httpClientBuilder(ApacheHttpClient.builder())
            // ADAPTIVE_V2, not ADAPTIVE: the latter forgets its sending rate between requests.
            .overrideConfiguration(o -> o.retryStrategy(RetryMode.ADAPTIVE_V2));
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
    }
    return builder;
  }

  /** A client with the default credential provider chain. */
  public static BedrockClient create(String region, URI endpointOverride) {
    return builder(region, endpointOverride).build();
  }
}
