package io.capacityctl.infra.iam;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.ProvisionedThroughput;
import java.util.Optional;

/**
 * The one place that says where each {@link AwsAction} may act. The switch has no default: a new
 * action in the registry does not compile until it is given a scope here, so the controller's role
 * can never silently lack a permission its adapters use (MangaAssist incident 4).
 */
public final class ActionScopes {
  private ActionScopes() {}

  /**
   * The grant for {@code action}, or empty when this configuration never makes the call (the ECS
   * actions of a configuration without an ECS service, S3 when the configuration is not in S3).
   */
  public static Optional<Grant> of(AwsAction action, ScopeTargets t) {
    return switch (action) {
      // Create is authorised on the base model: the role can buy units of configured models only.
      case BEDROCK_CREATE_PT -> Optional.of(Grant.on(t.foundationModels()));
      case BEDROCK_GET_PT, BEDROCK_LIST_TAGS -> Optional.of(Grant.on(t.provisionedModels()));
      // Never delete a PT capacityctl did not create: IAM checks the tag, not just our code.
      case BEDROCK_DELETE_PT ->
          Optional.of(
              Grant.on(t.provisionedModels())
                  .when(
                      "StringEquals",
                      "aws:ResourceTag/" + ProvisionedThroughput.TAG_MANAGED_BY,
                      ProvisionedThroughput.MANAGED_BY_VALUE));
      // Only tagging on create (the adapter never calls TagResource by itself): limited to our
      // tag keys. ForAllValues is also true when a request carries no tag keys at all, so this
      // condition cannot block a purchase.
      case BEDROCK_TAG_RESOURCE ->
          Optional.of(
              Grant.on(t.provisionedModels())
                  .when(
                      "ForAllValues:StringEquals", "aws:TagKeys", ProvisionedThroughput.TAG_KEYS));
      // IAM has no resource type for these: "*" is a resource wildcard, never an action one.
      case BEDROCK_LIST_PTS, CLOUDWATCH_GET_METRIC_DATA, STS_GET_CALLER_IDENTITY ->
          Optional.of(Grant.ANY_RESOURCE);
      case ECS_DESCRIBE_SERVICES, ECS_UPDATE_SERVICE -> t.ecsService().map(Grant::on);
      // Scalable target ids are random, so the scope is the account's ECS desired-count targets.
      // No iam:CreateServiceLinkedRole: the controller raises the floor of an existing target.
      case AAS_REGISTER_SCALABLE_TARGET ->
          t.ecsService()
              .map(
                  s ->
                      Grant.on(t.scalableTargets())
                          .when("StringEquals", "application-autoscaling:service-namespace", "ecs")
                          .when(
                              "StringEquals",
                              "application-autoscaling:scalable-dimension",
                              "ecs:service:DesiredCount"));
      case AAS_DESCRIBE_SCALABLE_TARGETS -> t.ecsService().map(s -> Grant.ANY_RESOURCE);
      case SSM_PUT_PARAMETER, SSM_GET_PARAMETER -> Optional.of(Grant.on(t.parameters()));
      // The configuration object only, and only when the stack's configuration lives in S3.
      case S3_GET_OBJECT -> t.configObject().map(Grant::on);
      case DYNAMODB_GET_ITEM,
          DYNAMODB_PUT_ITEM,
          DYNAMODB_UPDATE_ITEM,
          DYNAMODB_DELETE_ITEM,
          DYNAMODB_QUERY,
          DYNAMODB_CONDITION_CHECK_ITEM ->
          Optional.of(Grant.on(t.table()));
    };
  }
}
