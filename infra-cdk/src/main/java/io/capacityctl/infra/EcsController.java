package io.capacityctl.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * ECS mode: one Fargate task running the long-lived controller ({@code capacityctl run}), with a
 * container health check on {@code /healthz} and deployments that stop the old task before starting
 * the new one.
 */
public final class EcsController extends Construct {
  /** The port of the controller's {@code /healthz} and {@code /readyz}. */
  public static final int HEALTH_PORT = 8080;

  /**
   * @param vpc where the task runs; it needs outbound HTTPS to the AWS APIs only
   * @param image the image built from the repository's Dockerfile
   * @param configReference what {@code run --config} reads (see {@link ConfigSource})
   */
  public record Props(
      IVpc vpc,
      ContainerImage image,
      IRole taskRole,
      ILogGroup logGroup,
      String configReference,
      Map<String, String> environment) {}

  public EcsController(Construct scope, String id, Props props) {
    super(scope, id);
    Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(props.vpc()).build();
    FargateTaskDefinition task =
        FargateTaskDefinition.Builder.create(this, "Task")
            // Half a vCPU and 1 GB: a JVM with the SDK clients, Quartz and a tiny HTTP server.
            .cpu(512)
            .memoryLimitMiB(1024)
            .taskRole(props.taskRole())
            // The image is built where `cdk deploy` runs, usually x86; no emulation needed.
            .runtimePlatform(
                RuntimePlatform.builder()
                    .cpuArchitecture(CpuArchitecture.X86_64)
                    .operatingSystemFamily(OperatingSystemFamily.LINUX)
                    .build())
            .build();
    task.addContainer(
        "controller",
        ContainerDefinitionOptions.builder()
            .image(props.image())
            .command(List.of("run", "--config", props.configReference()))
            .environment(props.environment())
            .portMappings(List.of(PortMapping.builder().containerPort(HEALTH_PORT).build()))
            .healthCheck(
                HealthCheck.builder()
                    .command(
                        List.of(
                            "CMD-SHELL",
                            "curl -fsS http://localhost:" + HEALTH_PORT + "/healthz || exit 1"))
                    .interval(Duration.seconds(30))
                    .timeout(Duration.seconds(5))
                    .retries(3)
                    // JVM start plus the first pass before /healthz can report a recent pass.
                    .startPeriod(Duration.seconds(120))
                    .build())
            // SIGTERM lets the daemon finish or abandon its pass and release the lease; Fargate
            // allows at most 120 s.
            .stopTimeout(Duration.seconds(60))
            .logging(
                LogDriver.awsLogs(
                    AwsLogDriverProps.builder()
                        .logGroup(props.logGroup())
                        .streamPrefix("controller")
                        .build()))
            .build());
    boolean privateSubnets = !props.vpc().getPrivateSubnets().isEmpty();
    FargateService service =
        FargateService.Builder.create(this, "Service")
            .cluster(cluster)
            .taskDefinition(task)
            .desiredCount(1)
            // Stop the old controller before starting the new one: two controllers never run at
            // once during a deployment (the lease covers any overlap anyway, e.g. a stuck stop).
            .minHealthyPercent(0)
            .maxHealthyPercent(100)
            .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
            // No load balancer and no inbound rule: the task only calls AWS APIs.
            .assignPublicIp(!privateSubnets)
            .vpcSubnets(
                SubnetSelection.builder()
                    .subnetType(privateSubnets ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PUBLIC)
                    .build())
            .build();
    // The task must not start before its role's policy exists (the first pass would be denied).
    service.getNode().addDependency(props.taskRole());
  }
}
