package io.capacityctl.aws;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.bedrock.BedrockPtAdapter;
import io.capacityctl.aws.cloudwatch.CloudWatchMetricsAdapter;
import io.capacityctl.aws.dynamodb.DynamoDbLeaseManager;
import io.capacityctl.aws.dynamodb.DynamoDbStateStore;
import io.capacityctl.aws.ecs.EcsCapacityAdapter;
import io.capacityctl.aws.ssm.SsmParameter;
import io.capacityctl.aws.ssm.SsmRoutePublisher;
import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RoutePublisher;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.EmfTelemetrySink;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** TEMP placeholder until the real AwsCloudModule lands: the ports on the SDK adapters. */
@Module
public final class AwsCloudModule {
  private final CapacityConfig config;

  public AwsCloudModule(CapacityConfig config) {
    this.config = config;
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  CloudPorts cloud(
      BedrockClient bedrock,
      CloudWatchClient cloudWatch,
      EcsClient ecs,
      ApplicationAutoScalingClient autoScaling,
      SsmClient ssm,
      Clock clock) {
    RoutePublisher routes =
        new SsmRoutePublisher(new SsmParameter(ssm, config.aws().routesParameter()));
    return new CloudPorts(
        new BedrockPtAdapter(bedrock, config.aws().ptNamePrefix(), clock),
        new CloudWatchMetricsAdapter(
            cloudWatch,
            config,
            key ->
                routes
                    .read()
                    .map(t -> t.models().get(key))
                    .map(m -> m.routes().stream().map(Route::arn).toList())
                    .orElse(List.of())),
        new EcsCapacityAdapter(ecs, autoScaling),
        routes);
  }

  @Provides
  @Singleton
  StateStore state(DynamoDbClient dynamo) {
    return new DynamoDbStateStore(dynamo, config.aws().stateTable(), config.name());
  }

  @Provides
  @Singleton
  LeaseManager leases(DynamoDbClient dynamo) {
    return new DynamoDbLeaseManager(dynamo, config.aws().stateTable(), config.name());
  }

  @Provides
  @Singleton
  TelemetrySink telemetry(Clock clock) {
    return new EmfTelemetrySink(null, clock);
  }

  @Provides
  @Singleton
  CallerIdentity callerIdentity(StsClient sts) {
    return new CallerIdentity(sts);
  }
}
