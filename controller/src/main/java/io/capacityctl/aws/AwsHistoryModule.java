package io.capacityctl.aws;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.bedrock.BedrockPtAdapter;
import io.capacityctl.aws.cloudwatch.CloudWatchMetricsAdapter;
import io.capacityctl.aws.dynamodb.DynamoDbStateStore;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.history.PtArnSources;
import io.capacityctl.ports.MetricsHistoryApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code capacityctl backtest}'s collaborators on real AWS, from the SDK clients of {@link
 * AwsClientsModule}: the controller's CloudWatch metrics adapter as a history reader and, for the
 * {@code pt-arns} source, where the PT ARNs come from (the PT list, the state table's remembered
 * ARNs). Every call it makes is a read: {@link #READ_ACTIONS}.
 */
@Module
public final class AwsHistoryModule {
  /** The IAM actions a backtest may call; nothing else, and nothing that writes. */
  public static final Set<AwsAction> READ_ACTIONS =
      Set.of(
          AwsAction.CLOUDWATCH_GET_METRIC_DATA,
          AwsAction.BEDROCK_LIST_PTS,
          AwsAction.BEDROCK_LIST_TAGS,
          AwsAction.DYNAMODB_GET_ITEM);

  private final CapacityConfig config;
  private final Instant now;
  private final int datapointsPerCall;

  /**
   * @param now when the backtest runs: the state table's remembered ARNs are those still kept then
   * @param datapointsPerCall the most datapoints one GetMetricData call asks for ({@link
   *     CloudWatchMetricsAdapter#MAX_DATAPOINTS_PER_CALL}: one page)
   */
  public AwsHistoryModule(CapacityConfig config, Instant now, int datapointsPerCall) {
    this.config = config;
    this.now = now;
    this.datapointsPerCall = datapointsPerCall;
  }

  /**
   * Where a {@code pt-arns} backtest finds the ARNs; never asked with the other sources, so they
   * make no Bedrock or DynamoDB call (building a client calls nothing).
   */
  @Provides
  @Singleton
  PtArnSources ptArnSources(BedrockClient bedrock, DynamoDbClient dynamo) {
    return new PtArnSources(
        config,
        new BedrockPtAdapter(bedrock, Clock.fixed(now, ZoneOffset.UTC)),
        new DynamoDbStateStore(dynamo, config.aws().stateTable(), config.name()),
        now);
  }

  @Provides
  @Singleton
  MetricsHistoryApi history(CloudWatchClient cloudWatch, PtArnSources arns) {
    return new CloudWatchMetricsAdapter(cloudWatch, config, arns, datapointsPerCall);
  }
}
