package io.capacityctl.aws;

import io.capacityctl.config.AwsSettings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Which AWS the clients talk to: real AWS through the default credential and region provider
 * chains, or an emulator (moto) at a fixed endpoint with static credentials.
 *
 * @param region the region, or null for the default region provider chain
 * @param endpointOverride an emulator's URI, or null for the real service endpoints
 * @param credentials a credentials provider, or null for the default credentials provider chain
 */
public record AwsTarget(Region region, URI endpointOverride, AwsCredentialsProvider credentials) {

  /** Real AWS: the configured region if any, default chains for everything else. */
  public static AwsTarget of(AwsSettings settings) {
    String region = settings == null ? null : settings.region();
    return new AwsTarget(region == null ? null : Region.of(region), null, null);
  }

  /** An emulator: every service at {@code endpoint}. */
  public static AwsTarget emulator(
      URI endpoint, Region region, AwsCredentialsProvider credentials) {
    return new AwsTarget(region, endpoint, credentials);
  }
}
