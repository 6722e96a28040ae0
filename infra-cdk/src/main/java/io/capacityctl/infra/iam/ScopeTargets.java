package io.capacityctl.infra.iam;

import io.capacityctl.aws.s3.S3Uri;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * The ARNs one configuration's controller works on, in the stack's account and region: what {@link
 * ActionScopes} narrows each action to.
 *
 * @param configName the configuration's name: its PTs' {@code capacityctl:config} tag and its state
 *     partitions
 * @param adoptFrom the configuration's old names ({@code aws.adoptFrom}): their PTs are its own
 * @param foundationModels the base models the configuration buys units of
 * @param provisionedModels every PT in the account and region (PT ids are random, not our names)
 * @param parameters the config's SSM prefix, plus the routing parameter when it lies outside it
 *     (what the controller reads)
 * @param routesParameter the routing parameter, the one parameter the controller writes
 * @param ecsService the managed ECS service, when the configuration has one
 * @param scalableTargets every scalable target in the account and region (ids are random)
 * @param configObject the S3 object the configuration is read from, when it lives in S3
 * @param anyTable every DynamoDB table in the account and region: where other configurations keep
 *     their heartbeats, which the orphan sweep reads (and nothing else of those tables)
 */
public record ScopeTargets(
    String configName,
    List<String> adoptFrom,
    List<String> foundationModels,
    String provisionedModels,
    List<String> parameters,
    String routesParameter,
    String table,
    Optional<String> ecsService,
    String scalableTargets,
    Optional<String> configObject,
    String anyTable) {

  public ScopeTargets {
    adoptFrom = List.copyOf(adoptFrom);
  }

  /** The names whose PTs are this configuration's: its own, then those it adopts. */
  public List<String> ownerNames() {
    List<String> names = new ArrayList<>(adoptFrom.size() + 1);
    names.add(configName);
    names.addAll(adoptFrom);
    return names;
  }

  /**
   * The targets of {@code config}'s controller in {@code stack}, with its state table's ARN and the
   * S3 object its configuration is read from, if any.
   */
  public static ScopeTargets of(
      Stack stack, CapacityConfig config, String tableArn, Optional<S3Uri> configObject) {
    return new ScopeTargets(
        config.name(),
        config.aws().adoptFrom(),
        foundationModels(stack, config),
        arn(stack, "bedrock", "provisioned-model", "*"),
        parameters(stack, config),
        arn(stack, "ssm", "parameter", config.aws().routesParameter().replaceFirst("^/", "")),
        tableArn,
        config.ecsConfig().map(e -> ecsService(stack, e)),
        arn(stack, "application-autoscaling", "scalable-target", "*"),
        configObject.map(o -> s3Object(stack, o)),
        arn(stack, "dynamodb", "table", "*"));
  }

  private static List<String> foundationModels(Stack stack, CapacityConfig config) {
    List<String> arns = new ArrayList<>();
    for (ModelConfig m : config.models().values()) {
      // A model id may already be an ARN (a custom model); base models get the account-less
      // foundation-model ARN.
      String arn =
          m.modelId().startsWith("arn:")
              ? m.modelId()
              : stack.formatArn(
                  ArnComponents.builder()
                      .service("bedrock")
                      .account("")
                      .resource("foundation-model")
                      .resourceName(m.modelId())
                      .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                      .build());
      if (!arns.contains(arn)) {
        arns.add(arn);
      }
    }
    return arns;
  }

  private static List<String> parameters(Stack stack, CapacityConfig config) {
    String prefix = "/capacityctl/" + config.name() + "/";
    List<String> arns = new ArrayList<>();
    arns.add(arn(stack, "ssm", "parameter", prefix.substring(1) + "*"));
    String routes = config.aws().routesParameter();
    if (!routes.startsWith(prefix)) {
      arns.add(arn(stack, "ssm", "parameter", routes.replaceFirst("^/", "")));
    }
    return arns;
  }

  /** One object's ARN: S3 names carry no region or account. */
  private static String s3Object(Stack stack, S3Uri object) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("s3")
            .region("")
            .account("")
            .resource(object.bucket())
            .resourceName(object.key())
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
            .build());
  }

  private static String ecsService(Stack stack, EcsConfig ecs) {
    return arn(stack, "ecs", "service", ecs.cluster() + "/" + ecs.service());
  }

  private static String arn(Stack stack, String service, String resource, String name) {
    return stack.formatArn(
        ArnComponents.builder()
            .service(service)
            .resource(resource)
            .resourceName(name)
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
            .build());
  }
}
