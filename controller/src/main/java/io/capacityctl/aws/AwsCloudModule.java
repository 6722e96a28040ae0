package io.capacityctl.aws;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.bedrock.BedrockPtAdapter;
import io.capacityctl.aws.cloudwatch.CloudWatchIntentTokensAdapter;
import io.capacityctl.aws.cloudwatch.CloudWatchMetricsAdapter;
import io.capacityctl.aws.dynamodb.DynamoDbHeartbeats;
import io.capacityctl.aws.dynamodb.DynamoDbLeaseTable;
import io.capacityctl.aws.dynamodb.DynamoDbStateStore;
import io.capacityctl.aws.ecs.EcsCapacityAdapter;
import io.capacityctl.aws.ssm.SsmParameter;
import io.capacityctl.aws.ssm.SsmRoutePublisher;
import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.AwsSettings;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.EmfTelemetrySink;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.time.Ticker;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The reconcile path's collaborators on real AWS for one config, built from the SDK clients of
 * {@link AwsClientsModule}: the cloud ports (Bedrock, CloudWatch traffic and, with an {@code
 * intents} section, tokens per intent, ECS, SSM routing table, configurations' heartbeats in
 * DynamoDB), the DynamoDB state store and lease, EMF telemetry, the caller identity and the clock.
 * Every entry point (Lambda, daemon, CLI) includes both modules; names and tables come from {@code
 * config.aws()}. Nothing calls AWS while the graph is built.
 */
@Module
public final class AwsCloudModule {
  private final CapacityConfig config;
  private final Clock clock;
  private final Ticker ticker;

  /** On the system clock and the process's monotonic clock, as every entry point runs. */
  public AwsCloudModule(CapacityConfig config) {
    this(config, Clock.systemUTC(), Ticker.system());
  }

  /**
   * On {@code clock}, and a monotonic clock following it: the emulator tests run an entry point's
   * real graph on the fake clock their Bedrock fake follows.
   */
  public AwsCloudModule(CapacityConfig config, Clock clock) {
    this(config, clock, Ticker.following(clock));
  }

  private AwsCloudModule(CapacityConfig config, Clock clock, Ticker ticker) {
    this.config = config;
    this.clock = clock;
    this.ticker = ticker;
  }

  /**
   * The SDK adapters. With the {@code pt-arns} metrics source, CloudWatch is queried for every PT
   * ARN the state store still knows: the observer records the listed ones before each read, so the
   * set also holds PTs deleted since the history minutes they served.
   */
  @Provides
  @Singleton
  CloudPorts cloudPorts(
      BedrockClient bedrock,
      CloudWatchClient cloudWatch,
      EcsClient ecs,
      ApplicationAutoScalingClient autoScaling,
      SsmClient ssm,
      DynamoDbClient dynamo,
      StateStore state,
      Clock clock) {
    AwsSettings aws = config.aws();
    return new CloudPorts(
        new BedrockPtAdapter(bedrock, clock),
        new CloudWatchMetricsAdapter(
            cloudWatch, config, model -> state.knownArns(model, clock.instant())),
        new EcsCapacityAdapter(ecs, autoScaling),
        new SsmRoutePublisher(new SsmParameter(ssm, aws.routesParameter())),
        config
            .intentsConfig()
            .map(i -> new CloudWatchIntentTokensAdapter(cloudWatch, i.metric()))
            .orElse(null),
        new DynamoDbHeartbeats(dynamo));
  }

  @Provides
  @Singleton
  StateStore stateStore(DynamoDbClient dynamo) {
    return new DynamoDbStateStore(dynamo, config.aws().stateTable(), config.name());
  }

  @Provides
  @Singleton
  LeaseManager leaseManager(DynamoDbClient dynamo) {
    return new LeaseKeeper(
        new DynamoDbLeaseTable(dynamo, config.aws().stateTable(), config.name()), ticker);
  }

  /** EMF on stdout, timestamped by the injected clock; the default namespace. */
  @Provides
  @Singleton
  static TelemetrySink telemetry(Clock clock) {
    return new EmfTelemetrySink(null, clock);
  }

  @Provides
  @Singleton
  static CallerIdentity callerIdentity(StsClient sts) {
    return new CallerIdentity(sts);
  }

  @Provides
  @Singleton
  Clock clock() {
    return clock;
  }
}
