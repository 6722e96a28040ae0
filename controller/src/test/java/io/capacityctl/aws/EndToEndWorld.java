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
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.testing.AwsEmulator;
import io.capacityctl.testing.SdkEndpoints;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Everything the end-to-end tests run against, composed by {@link AwsCloudModule} exactly as the
 * entry points compose it, except for a fake clock: Bedrock is the wire fake (its Creating ->
 * InService follows that clock), CloudWatch, ECS, Application Auto Scaling and SSM are moto, the
 * state table and lease are on the DynamoDB client given (DynamoDB Local in process, or moto's).
 *
 * <p>The run-mode tests (Lambda handlers, daemon, CLI) build an entry point's own graph instead:
 * {@link #stateInEmulator} puts the state table where that graph's clients reach it over HTTP, and
 * {@link #sdkEndpoints} points the SDK at the emulators as an operator would.
 */
public final class EndToEndWorld implements AutoCloseable {
  /**
   * One model, one service; the schedule wants 4 units all day, PTs are bought 2 units at most. The
   * throttle budget is the default (0.01 %), so a pass reads 10,000 minutes as the controller does
   * in production: the metrics adapter's settled-minutes cache reads the window whole only on the
   * first pass of a graph and the new minutes after that, which keeps moto (it serves GetMetricData
   * by scanning every stored datapoint for each period asked) from making a week a pass slow.
   */
  public static final String CONFIG =
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

  public static final String MODEL = "haiku";
  public static final int INITIAL_TASKS = 2;
  static final String HOLDER = "e2e-daemon";

  public final CapacityConfig config = parse();

  /**
   * Near the real time, because the EMF library refuses timestamps over 14 days old. moto keeps
   * CloudWatch datapoints of any age and reads GetMetricData windows by their own timestamps.
   */
  public final FakeClock clock =
      new FakeClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(70)));

  public final FakeBedrockServer bedrock = FakeBedrockServer.start(clock, "us-east-1");
  final BedrockClient bedrockClient = bedrock.clients().build(BedrockClient.builder());
  final DynamoDbClient dynamo;
  public final CloudWatchClient cloudWatch;
  final EcsClient ecs;
  public final ApplicationAutoScalingClient autoScaling;
  final SsmClient ssm;
  public final CloudPorts cloud;
  public final StateStore state;
  public final LeaseManager leases;
  public final TelemetrySink telemetry;
  final BedrockTraffic traffic;
  private final AwsEmulator moto;

  /** The state table and lease on {@code dynamo}, which the caller owns. */
  EndToEndWorld(AwsEmulator moto, DynamoDbClient dynamo) {
    this.moto = moto;
    this.dynamo = dynamo;
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
    cloud =
        module.cloudPorts(bedrockClient, cloudWatch, ecs, autoScaling, ssm, dynamo, state, clock);
    traffic = new BedrockTraffic(cloudWatch, config.model(MODEL));
    createService();
  }

  /** The state table and lease in the emulator's DynamoDB, where an entry point's graph reads. */
  public static EndToEndWorld stateInEmulator(AwsEmulator moto) {
    return new EndToEndWorld(moto, moto.clients().build(DynamoDbClient.builder()));
  }

  /**
   * Points SDK clients built without an endpoint at the emulators, as an operator would with {@code
   * AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_BEDROCK} and static keys: Bedrock at the wire fake,
   * every other service at moto. Close it to restore the JVM's settings.
   */
  public SdkEndpoints sdkEndpoints() {
    return SdkEndpoints.point(moto.endpoint(), bedrock.endpoint());
  }

  /** The AWS module of an entry point's graph, on this world's fake clock. */
  public AwsCloudModule cloudModule() {
    return new AwsCloudModule(config, clock);
  }

  /**
   * The clients module exactly as the entry points build it (region from the config, the SDK's
   * default credentials and endpoints): inside {@link #sdkEndpoints}, it reaches the emulators.
   */
  public AwsClientsModule clientsModule() {
    return new AwsClientsModule(AwsTarget.of(config.aws()));
  }

  /**
   * The minute now starting as Bedrock's metrics would record it: callers send {@code demandTps}
   * where the routing table in SSM says (on demand while it is empty), then the rest is throttled.
   */
  public void playMinute(double demandTps) {
    ModelRoutes routes = cloud.routes().read().map(t -> t.models().get(MODEL)).orElse(null);
    traffic.play(clock.instant(), demandTps, routes);
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
  public void registerScalableTarget(int min, int max) {
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

  /** The ECS service's scalable target, as registered and as the controller moved its floor. */
  public ScalableTarget scalableTarget() {
    return autoScaling
        .describeScalableTargets(
            r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(serviceResourceId()))
        .scalableTargets()
        .get(0);
  }

  public int desiredCount() {
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
  }
}
