package io.capacityctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.bedrock.BedrockPtAdapter;
import io.capacityctl.aws.cloudwatch.CloudWatchMetricsAdapter;
import io.capacityctl.aws.dynamodb.DynamoDbStateStore;
import io.capacityctl.aws.ecs.EcsCapacityAdapter;
import io.capacityctl.aws.ssm.SsmRoutePublisher;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.telemetry.EmfTelemetrySink;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The composition binds the real adapters, once each, without calling AWS. */
class AwsCloudModuleTest {
  static CapacityConfig bundled() {
    try {
      return ConfigLoader.loadResource("schedules/mangaassist.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bindsEveryPortToItsAwsAdapterOnce() {
    CapacityConfig config = bundled();
    CloudComponent aws = CloudComponent.of(AwsTarget.of(config.aws()), config);

    CloudPorts cloud = aws.cloud();

    assertThat(cloud.bedrock()).isInstanceOf(BedrockPtAdapter.class);
    assertThat(cloud.metrics()).isInstanceOf(CloudWatchMetricsAdapter.class);
    assertThat(cloud.ecs()).isInstanceOf(EcsCapacityAdapter.class);
    assertThat(cloud.routes()).isInstanceOf(SsmRoutePublisher.class);
    assertThat(aws.state()).isInstanceOf(DynamoDbStateStore.class);
    assertThat(aws.leases()).isInstanceOf(LeaseKeeper.class);
    assertThat(aws.telemetry()).isInstanceOf(EmfTelemetrySink.class);
    assertThat(aws.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(aws.cloud()).isSameAs(cloud);
    assertThat(aws.state()).isSameAs(aws.state());
  }
}
