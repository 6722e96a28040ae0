package io.capacityctl.aws;

import io.capacityctl.aws.dynamodb.StateTableFixture;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.fake.bedrock.FakeBedrockServer;
import io.capacityctl.planner.Planner;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.testing.AwsEmulator;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * Everything the end-to-end test runs against, composed by {@link AwsCloudModule} exactly as the
 * entry points compose it, except for a fake clock: Bedrock is the wire fake (its Creating ->
 * InService follows that clock), CloudWatch, ECS, Application Auto Scaling and SSM are moto, the
 * state table and lease are DynamoDB Local in-process.
 */
final class EndToEndWorld implements AutoCloseable {
  /** One model, one service; the schedule wants 4 units all day, PTs are bought 2 units at most. */
  static final String CONFIG =
      """
      name: e2e
      timezone: UTC
      models:
        haiku:
          modelId: anthropic.claude-3-haiku-20240307-v1:0
          tokensPerSecondPerUnit: 1000
          unitHourlyUsd: 2.40
          onDemandUsdPer1kTokens: 0.000375
          onDemandTps: 1000
          minUnits: 0
          maxUnits: 10
          provisioningTime: PT5M
      ecs:
        cluster: e2e
        service: api
        tokensPerSecondPerTask: 500
        minTasks: 2
        maxTasks: 40
        taskHourlyUsd: 0.12
        startupTime: PT2M
      schedule:
        - { from: "00:00", to: "12:00", units: { haiku: 4 } }
        - { from: "12:00", to: "00:00", units: { haiku: 4 } }
      policy:
        blockUnits: 2
        drainTime: PT2M
      aws:
        region: us-east-1
      """;

  static final String MODEL = "haiku";
  static final int INITIAL_TASKS = 2;
  static final String HOLDER = "e2e-daemon";

  final CapacityConfig config = parse();

  /**
   * Near the real time, because the EMF library refuses timestamps over 14 days old. moto keeps
   * CloudWatch datapoints of any age and reads GetMetricData windows by their own timestamps.
   */
  final FakeClock clock =
      new FakeClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(70)));

  final FakeBedrockServer bedrock = FakeBedrockServer.start(clock, "us-east-1");
  final BedrockClient bedrockClient = bedrock.clients().build(BedrockClient.builder());
  final AmazonDynamoDBLocal dynamoLocal = DynamoDBEmbedded.create(true);
  final DynamoDbClient dynamo = dynamoLocal.dynamoDbClient();
  final CloudWatchClient cloudWatch;
  final EcsClient ecs;
  final ApplicationAutoScalingClient autoScaling;
  final SsmClient ssm;
  final CloudPorts cloud;
  final StateStore state;
  final LeaseManager leases;
  final TelemetrySink telemetry;
  final BedrockTraffic traffic;

  EndToEndWorld(AwsEmulator moto) {
    cloudWatch = moto.clients().build(CloudWatchClient.builder());
    ecs = moto.clients().build(EcsClient.builder());
    autoScaling = moto.clients().build(ApplicationAutoScalingClient.builder());
    ssm = moto.clients().build(SsmClient.builder());
    bedrock.plane().provisioningTime(config.model(MODEL).provisioningTime());
    StateTableFixture.create(dynamo, config.aws().stateTable());
    AwsCloudModule module = new AwsCloudModule(config);
    state = module.stateStore(dynamo);
    leases = module.leaseManager(dynamo);
    telemetry = AwsCloudModule.telemetry(clock);
    cloud = module.cloudPorts(bedrockClient, cloudWatch, ecs, autoScaling, ssm, state, clock);
    traffic = new BedrockTraffic(cloudWatch, config.model(MODEL));
    createService();
  }

  Reconciler reconciler() {
    return new Reconciler(
        new Planner(config, CapacityCalendar.of(config)),
        cloud,
        state,
        leases,
        telemetry,
        clock,
        HOLDER,
        Duration.ofMinutes(5));
  }

  /** Application Auto Scaling owns desiredCount between {@code min} and {@code max}. */
  void registerScalableTarget(int min, int max) {
    autoScaling.registerScalableTarget(
        r ->
            r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(serviceResourceId())
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(min)
                .maxCapacity(max));
  }

  String serviceResourceId() {
    EcsConfig e = config.ecs();
    return "service/" + e.cluster() + "/" + e.service();
  }

  int desiredCount() {
    EcsConfig e = config.ecs();
    return ecs.describeServices(r -> r.cluster(e.cluster()).services(e.service()))
        .services()
        .get(0)
        .desiredCount();
  }

  private void createService() {
    EcsConfig e = config.ecs();
    ecs.createCluster(r -> r.clusterName(e.cluster()));
    ecs.registerTaskDefinition(
        r ->
            r.family("api")
                .containerDefinitions(
                    ContainerDefinition.builder().name("api").image("api").memory(512).build()));
    ecs.createService(
        r ->
            r.cluster(e.cluster())
                .serviceName(e.service())
                .taskDefinition("api")
                .desiredCount(INITIAL_TASKS));
  }

  private static CapacityConfig parse() {
    try {
      return ConfigLoader.parse(CONFIG, "e2e.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    bedrockClient.close();
    bedrock.close();
    dynamoLocal.shutdown();
  }
}
