package io.capacityctl.aws;

import dagger.Component;
import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The two AWS modules alone, as each entry point's component includes them. */
@Singleton
@Component(modules = {AwsClientsModule.class, AwsCloudModule.class})
interface CloudComponent {
  CloudPorts cloud();

  StateStore state();

  LeaseManager leases();

  TelemetrySink telemetry();

  CallerIdentity identity();

  Clock clock();

  DynamoDbClient dynamo();

  static CloudComponent of(AwsTarget target, CapacityConfig config) {
    return DaggerCloudComponent.builder()
        .awsClientsModule(new AwsClientsModule(target))
        .awsCloudModule(new AwsCloudModule(config))
        .build();
  }
}
