package io.capacityctl.infra;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.infra.iam.ControllerPolicy;
import io.capacityctl.infra.iam.ScopeTargets;
import io.capacityctl.infra.monitoring.ControllerAlarms;
import io.capacityctl.infra.monitoring.ControllerDashboard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.TagProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * One capacityctl deployment for one configuration: the state table, the controller (Lambda or ECS
 * mode) under a least-privilege role, its alarms and its dashboard.
 */
public final class CapacityStack extends Stack {
  public static final String ENV_CONFIG = "CAPACITYCTL_CONFIG";

  private final Role controllerRole;

  public CapacityStack(
      Construct scope, String id, StackProps stackProps, CapacityStackProps props) {
    super(scope, id, stackProps);
    CapacityConfig config = props.config().config();
    // CloudFormation's Dashboard resource takes no tags (cfn-lint E3002).
    Tags.of(this)
        .add(
            "capacityctl:config",
            config.name(),
            TagProps.builder().excludeResourceTypes(List.of("AWS::CloudWatch::Dashboard")).build());

    StateTable state = new StateTable(this, "State", config.aws().stateTable());
    props
        .config()
        .delivered()
        .ifPresent(
            d ->
                StringParameter.Builder.create(this, "ConfigParameter")
                    .parameterName(d.parameterName())
                    .description("capacityctl configuration " + config.name())
                    .stringValue(d.yaml())
                    .tier(d.advanced() ? ParameterTier.ADVANCED : ParameterTier.STANDARD)
                    .build());

    controllerRole = role(props.mode());
    ControllerPolicy.grantTo(
        controllerRole,
        ScopeTargets.of(this, config, state.table().getTableArn(), props.config().object()));

    Key key = key(config);
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .retention(RetentionDays.ONE_MONTH)
            .encryptionKey(key)
            .build();
    if (props.mode() == Mode.LAMBDA) {
      // In place of AWSLambdaBasicExecutionRole (logs:* on every log group): the functions write
      // to this log group only. (ECS logs go through the task execution role.)
      logs.grantWrite(controllerRole);
    }
    // The table name reaches the controller through the configuration (aws.stateTable), the same
    // name the table is created with: no second source for it.
    Map<String, String> environment = Map.of(ENV_CONFIG, props.config().reference());

    Map<String, IFunction> functions = Map.of();
    Optional<IQueue> deadLetters = Optional.empty();
    switch (props.mode()) {
      case LAMBDA -> {
        LambdaController lambda =
            new LambdaController(
                this,
                "Lambda",
                new LambdaController.Props(
                    Code.fromAsset(props.lambdaAsset().orElseThrow()),
                    controllerRole,
                    logs,
                    environment,
                    TimeZone.of(config.timezone().getId())));
        functions = lambda.functions();
        deadLetters = Optional.of(lambda.deadLetters());
      }
      case ECS ->
          new EcsController(
              this,
              "Ecs",
              new EcsController.Props(
                  network(),
                  ContainerImage.fromAsset(
                      props.imageDirectory().orElseThrow(),
                      AssetImageProps.builder().platform(Platform.LINUX_AMD64).build()),
                  controllerRole,
                  logs,
                  props.config().reference(),
                  environment));
    }

    new ControllerAlarms(
        this,
        "Alarms",
        new ControllerAlarms.Props(config, functions, deadLetters, props.alarmEmail(), key));
    new ControllerDashboard(this, "Dashboard", new ControllerDashboard.Props(config, logs));
  }

  /** The role every controller process runs under: exactly the registry's actions, scoped. */
  private Role role(Mode mode) {
    return Role.Builder.create(this, "ControllerRole")
        .description("capacityctl controller: the AWS actions its adapters call, scoped")
        .assumedBy(
            new ServicePrincipal(
                mode == Mode.LAMBDA ? "lambda.amazonaws.com" : "ecs-tasks.amazonaws.com"))
        .build();
  }

  /**
   * The stack's customer managed key, rotated yearly, for the alarm topic and the controller's log
   * group. Customer managed because the AWS managed aws/sns key's policy cannot admit CloudWatch
   * alarms or EventBridge, which publish to the topic; the logs hold principal ARNs and override
   * reasons, and under this key a security team can see and revoke every read. One key: $1 a month.
   */
  private Key key(CapacityConfig config) {
    Key key =
        Key.Builder.create(this, "Key")
            .description("capacityctl " + config.name() + ": alarm topic and controller logs")
            .enableKeyRotation(true)
            .build();
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            // (EventBridge's grant is added by CDK with the rule's SNS target.)
            .sid("AlarmsPublishToTheTopic")
            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
            .resources(List.of("*"))
            .build());
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("LogsEncryptThisAccountsLogGroups")
            .principals(List.of(new ServicePrincipal("logs." + getRegion() + ".amazonaws.com")))
            .actions(
                List.of(
                    "kms:Encrypt",
                    "kms:Decrypt",
                    "kms:ReEncryptFrom",
                    "kms:ReEncryptTo",
                    "kms:GenerateDataKey",
                    "kms:GenerateDataKeyWithoutPlaintext",
                    "kms:DescribeKey"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "ArnLike",
                    Map.of(
                        "kms:EncryptionContext:aws:logs:arn",
                        formatArn(
                            ArnComponents.builder()
                                .service("logs")
                                .resource("log-group")
                                .resourceName("*")
                                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                .build()))))
            .build());
    return key;
  }

  /**
   * A small VPC of public subnets in two zones, no NAT gateway: the task needs outbound HTTPS to
   * AWS APIs and nothing inbound, and a NAT gateway would cost more than the controller.
   */
  private IVpc network() {
    return Vpc.Builder.create(this, "Network")
        .maxAzs(2)
        .natGateways(0)
        .subnetConfiguration(
            List.of(
                SubnetConfiguration.builder()
                    .name("public")
                    .subnetType(SubnetType.PUBLIC)
                    .cidrMask(24)
                    .build()))
        .build();
  }

  /** The controller's role, for tests and for attaching more grants. */
  public Role controllerRole() {
    return controllerRole;
  }
}
