package io.capacityctl.cli;

import io.capacityctl.aws.AwsTarget;
import io.capacityctl.operator.RefusedException;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * {@code --region} and {@code --profile}: what the SDK's default chains read, given on the command
 * line. The region and credentials are resolved once, before the first AWS call, so that a machine
 * with no AWS set up gets one line naming the missing setting (and the offline sandbox), exit 2,
 * instead of the SDK's exception from deep inside the first call.
 */
final class AwsOptions {
  private static final String OFFLINE =
      " (or try --cloud sim: a simulated account on this machine, no AWS needed)";

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "AWS region (default: the configuration's aws.region, else the SDK's default chain:"
              + " AWS_REGION, the profile's region).")
  String region;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Profile of ~/.aws/config and ~/.aws/credentials for the SDK's default credential and"
              + " region chains (default: AWS_PROFILE, else 'default').")
  String profile;

  private AwsCredentialsProvider credentials;

  /**
   * Real AWS, with the region and credentials resolved now.
   *
   * @param configRegion the configuration's {@code aws.region}, or null (none, or not read yet)
   * @throws RefusedException naming the option when no region or no credentials can be found
   */
  AwsTarget target(String configRegion) {
    return target(configRegion, OFFLINE);
  }

  /**
   * As {@link #target(String)}, suggesting {@code offline} instead of {@code --cloud sim} (a
   * command without that option, such as {@code backtest}).
   */
  AwsTarget target(String configRegion, String offline) {
    Region r = Region.of(resolveRegion(configRegion, offline));
    return new AwsTarget(r, null, credentials(offline));
  }

  /** The default chain for the profile, checked once; it keeps what it found for the clients. */
  private synchronized AwsCredentialsProvider credentials(String offline) {
    if (credentials != null) {
      return credentials;
    }
    AwsCredentialsProvider chain =
        DefaultCredentialsProvider.builder().profileName(profile).build();
    try {
      chain.resolveCredentials();
    } catch (SdkClientException e) {
      throw new RefusedException(
          "--profile",
          "no AWS credentials"
              + (profile == null ? "" : " for profile '" + profile + "'")
              + ": none in the environment (AWS_ACCESS_KEY_ID), the profile"
              + " (AWS_PROFILE or --profile; aws sso login), a container or an instance role"
              + offline);
    }
    credentials = chain;
    return chain;
  }

  private String resolveRegion(String configRegion, String offline) {
    if (region != null) {
      return region;
    }
    if (configRegion != null) {
      return configRegion;
    }
    try {
      return DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion().id();
    } catch (SdkClientException e) {
      throw new RefusedException(
          "--region",
          "no AWS region: set AWS_REGION, aws.region in the configuration, or pass --region"
              + offline);
    }
  }
}
