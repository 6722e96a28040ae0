package io.capacityctl.aws;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.bedrock.NoCommitmentPurchases;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients, each built once per component and sharing one Apache HTTP client. Nothing is
 * built until first asked for, so a CLI command that needs one service pays for one client.
 */
@Module
public final class AwsClientsModule {
  private final AwsTarget target;

  public AwsClientsModule(AwsTarget target) {
    this.target = target;
  }

  @Provides
  @Singleton
  SdkHttpClient httpClient() {
    return ApacheHttpClient.builder().build();
  }

  @Provides
  @Singleton
  AwsClientFactory clientFactory(SdkHttpClient http) {
    return new AwsClientFactory(target, http);
  }

  @Provides
  @Singleton
  static BedrockClient bedrock(AwsClientFactory clients) {
    // The client refuses commitment purchases: undeletable for a month or six (issue 17).
    return clients.withInterceptor(new NoCommitmentPurchases()).build(BedrockClient.builder());
  }

  @Provides
  @Singleton
  static CloudWatchClient cloudWatch(AwsClientFactory clients) {
    return clients.build(CloudWatchClient.builder());
  }

  @Provides
  @Singleton
  static EcsClient ecs(AwsClientFactory clients) {
    return clients.build(EcsClient.builder());
  }

  @Provides
  @Singleton
  static ApplicationAutoScalingClient applicationAutoScaling(AwsClientFactory clients) {
    return clients.build(ApplicationAutoScalingClient.builder());
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamoDb(AwsClientFactory clients) {
    return clients.build(DynamoDbClient.builder());
  }

  @Provides
  @Singleton
  static SsmClient ssm(AwsClientFactory clients) {
    return clients.build(SsmClient.builder());
  }

  @Provides
  @Singleton
  static StsClient sts(AwsClientFactory clients) {
    return clients.build(StsClient.builder());
  }
}
