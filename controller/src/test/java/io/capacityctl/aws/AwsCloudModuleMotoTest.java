package io.capacityctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.dynamodb.StateTableFixture;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.routing.RouteTableJson;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.Lease;
import io.capacityctl.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The composed graph against moto: names and tables from the config, ports wired together. */
class AwsCloudModuleMotoTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final String ARN = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/gone";
  final CapacityConfig config = AwsCloudModuleTest.bundled();
  CloudComponent aws;

  @BeforeEach
  void compose() {
    aws = CloudComponent.of(MOTO.target(), config);
  }

  @Test
  void theStateTableLeaseAndAuditAreTheConfiguredOnes() {
    StateTableFixture.create(aws.dynamo(), config.aws().stateTable());
    Instant now = aws.clock().instant();

    Lease lease = aws.leases().tryAcquire("lambda", now, Duration.ofMinutes(1)).orElseThrow();
    AuditEntry entry =
        new AuditEntry(now, aws.identity().arn(), "set-ecs", "ecs", "4 -> 6", lease.fencingToken());
    aws.state().appendAudit(entry);

    assertThat(aws.state().recentAudit(5)).containsExactly(entry);
    assertThat(entry.actor()).contains(":123456789012:");
  }

  @Test
  void theMetricsAdapterQueriesEveryArnTheStateStoreStillKnows() {
    StateTableFixture.create(aws.dynamo(), config.aws().stateTable());
    Instant minute = Instant.parse("2025-03-03T09:00:00Z");
    CloudWatchClient cloudWatch = MOTO.clients().build(CloudWatchClient.builder());
    cloudWatch.putMetricData(
        r ->
            r.namespace("AWS/Bedrock")
                .metricData(
                    MetricDatum.builder()
                        .metricName("InputTokenCount")
                        .dimensions(Dimension.builder().name("ModelId").value(ARN).build())
                        .timestamp(minute.plusSeconds(30))
                        .value(6000.0)
                        .build()));
    // A PT deleted since: no longer listed, still remembered by an earlier pass.
    aws.state().rememberArns("sonnet", List.of(ARN), aws.clock().instant(), Duration.ofDays(8));

    MinuteSeries sonnet =
        aws.cloud()
            .metrics()
            .read(List.of("sonnet"), List.of(new TimeRange(minute, minute.plusSeconds(60))))
            .get("sonnet")
            .get(0);

    assertThat(sonnet.tokens()).containsExactly(6000.0);
  }

  @Test
  void routesArePublishedToTheConfiguredParameter() {
    RouteTable table =
        new RouteTable(
            config.name(),
            Instant.parse("2025-03-03T09:00:00Z"),
            Map.of(
                "sonnet",
                new ModelRoutes(
                    config.model("sonnet").modelId(), List.of(new Route(ARN, 2, null)))));

    aws.cloud().routes().publish(table);

    String stored =
        MOTO.clients()
            .build(SsmClient.builder())
            .getParameter(r -> r.name(config.aws().routesParameter()))
            .parameter()
            .value();
    assertThat(RouteTableJson.read(stored)).isEqualTo(table);
  }
}
