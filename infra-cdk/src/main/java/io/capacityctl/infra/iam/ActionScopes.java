package io.capacityctl.infra.iam;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.dynamodb.StatePartitions;
import io.capacityctl.ports.ProvisionedThroughput;
import java.util.List;
import java.util.function.Function;

/**
 * The one place that says where each {@link AwsAction} may act. The switch has no default: a new
 * action in the registry does not compile until it is given a scope here, so the controller's role
 * can never silently lack a permission its adapters use (MangaAssist incident 4).
 *
 * <p>What the role must not do is denied by construction, and each denial is a request in {@code
 * ControllerRoleSimulationTest}: a PT is bought only tagged as this configuration's; tags are
 * written only on a PT that carries no {@code managed-by} tag yet (Bedrock has no create-action
 * condition key, so "being created" is "not tagged yet"); a PT is deleted only when both its {@code
 * managed-by} and its {@code capacityctl:config} tags are ours; SSM writes reach the routes
 * parameter only; state writes reach this configuration's partitions only, and the audit partition
 * takes appends only ({@link #PARTITIONS}).
 */
public final class ActionScopes {
  private ActionScopes() {}

  /** What the role may do to the items of one kind of partition. */
  enum Access {
    /** Put, update, delete, condition-check. */
    WRITE,
    /** Put only: no update (which could rewrite an item or give it a TTL), no delete. */
    APPEND
  }

  /**
   * One partition of {@link StatePartitions}, by its method name, with the role's access to it.
   * {@code ActionScopesTest} fails when StatePartitions gains a partition this list does not
   * classify, so a new kind of item cannot be written by code the role does not allow.
   */
  record Partition(String name, Function<String, String> key, Access access) {}

  static final List<Partition> PARTITIONS =
      List.of(
          new Partition("config", StatePartitions::config, Access.WRITE),
          new Partition("audit", StatePartitions::audit, Access.APPEND),
          // Replaced by every pass; other configurations' controllers read it (heartbeatsAnywhere).
          new Partition("heartbeat", StatePartitions::heartbeat, Access.WRITE));

  static final String RESOURCE_TAG = "aws:ResourceTag/";
  static final String REQUEST_TAG = "aws:RequestTag/";
  static final String LEADING_KEYS = "dynamodb:LeadingKeys";

  /**
   * The grants for {@code action} (several when it acts in different scopes under different
   * conditions), or none when this configuration never makes the call (the ECS actions of a
   * configuration without an ECS service, S3 when the configuration is not in S3).
   */
  public static List<Grant> of(AwsAction action, ScopeTargets t) {
    return switch (action) {
      // Create is authorised on the base model: the role can buy units of configured models only,
      // and only tagged as this configuration's (ForAllValues alone would also pass an untagged
      // request: the StringEquals on the request tags is what requires them).
      case BEDROCK_CREATE_PT -> List.of(taggedAsOurs(Grant.on(t.foundationModels()), t));
      // Tag-on-create: the tags of a purchase are authorised as TagResource on the PT being
      // created, which has no tags yet. A PT that already carries a managed-by tag (ours, another
      // configuration's, another tool's) can never be (re)tagged, so it can never be claimed.
      case BEDROCK_TAG_RESOURCE ->
          List.of(
              taggedAsOurs(Grant.on(t.provisionedModels()), t)
                  .when("Null", RESOURCE_TAG + ProvisionedThroughput.TAG_MANAGED_BY, "true"));
      case BEDROCK_GET_PT, BEDROCK_LIST_TAGS -> List.of(Grant.on(t.provisionedModels()));
      // Never delete a PT this configuration did not create: IAM checks both tags. A renamed
      // configuration also created the PTs of the old names it declares (aws.adoptFrom).
      case BEDROCK_DELETE_PT ->
          List.of(
              Grant.on(t.provisionedModels())
                  .when(
                      "StringEquals",
                      RESOURCE_TAG + ProvisionedThroughput.TAG_MANAGED_BY,
                      ProvisionedThroughput.MANAGED_BY_VALUE)
                  .when(
                      "StringEquals",
                      RESOURCE_TAG + ProvisionedThroughput.TAG_CONFIG,
                      t.adoptFrom().isEmpty() ? t.configName() : t.ownerNames()));
      // IAM has no resource type for these: "*" is a resource wildcard, never an action one.
      case BEDROCK_LIST_PTS, CLOUDWATCH_GET_METRIC_DATA, STS_GET_CALLER_IDENTITY ->
          List.of(Grant.ANY_RESOURCE);
      case ECS_DESCRIBE_SERVICES, ECS_UPDATE_SERVICE ->
          t.ecsService().map(Grant::on).stream().toList();
      // Scalable target ids are random, so the resource is the account's ECS desired-count
      // targets; Application Auto Scaling then checks the caller's own ecs:DescribeServices and
      // ecs:UpdateService on the target service, which the role has on the configured one only.
      // No iam:CreateServiceLinkedRole: the controller raises the floor of an existing target.
      case AAS_REGISTER_SCALABLE_TARGET ->
          t.ecsService().stream()
              .map(
                  s ->
                      Grant.on(t.scalableTargets())
                          .when("StringEquals", "application-autoscaling:service-namespace", "ecs")
                          .when(
                              "StringEquals",
                              "application-autoscaling:scalable-dimension",
                              "ecs:service:DesiredCount"))
              .toList();
      case AAS_DESCRIBE_SCALABLE_TARGETS ->
          t.ecsService().map(s -> Grant.ANY_RESOURCE).stream().toList();
      // Reads under the configuration's prefix; the one write is the routing table, never the
      // configuration parameter (which holds maxUnits and the budget).
      case SSM_GET_PARAMETER -> List.of(Grant.on(t.parameters()));
      case SSM_PUT_PARAMETER -> List.of(Grant.on(t.routesParameter()));
      // The configuration object only, and only when the stack's configuration lives in S3.
      case S3_GET_OBJECT -> t.configObject().map(Grant::on).stream().toList();
      // Reads anywhere in the table (another configuration's liveness is readable; its state is
      // not writable); writes in this configuration's partition, plus appends to its audit trail.
      // Other tables: their heartbeat items only, so the orphan sweep can tell a live
      // configuration's fleet from an orphaned one wherever that configuration keeps its state.
      case DYNAMODB_GET_ITEM -> List.of(Grant.on(t.table()), heartbeatsAnywhere(t));
      case DYNAMODB_QUERY -> List.of(Grant.on(t.table()));
      case DYNAMODB_PUT_ITEM -> List.of(inPartitions(t, Access.WRITE, Access.APPEND));
      case DYNAMODB_UPDATE_ITEM, DYNAMODB_DELETE_ITEM, DYNAMODB_CONDITION_CHECK_ITEM ->
          List.of(inPartitions(t, Access.WRITE));
    };
  }

  private static Grant taggedAsOurs(Grant grant, ScopeTargets t) {
    return grant
        .when(
            "StringEquals",
            REQUEST_TAG + ProvisionedThroughput.TAG_MANAGED_BY,
            ProvisionedThroughput.MANAGED_BY_VALUE)
        .when("StringEquals", REQUEST_TAG + ProvisionedThroughput.TAG_CONFIG, t.configName())
        .when("ForAllValues:StringEquals", "aws:TagKeys", ProvisionedThroughput.TAG_KEYS);
  }

  /** In any table of the account and region, the items of heartbeat partitions only. */
  private static Grant heartbeatsAnywhere(ScopeTargets t) {
    // Null = false: a request naming no partition key at all is not let through by ForAllValues.
    return Grant.on(t.anyTable())
        .when("ForAllValues:StringLike", LEADING_KEYS, List.of(StatePartitions.heartbeat("*")))
        .when("Null", LEADING_KEYS, "false");
  }

  /** On the table, only items in this configuration's partitions of the given access. */
  private static Grant inPartitions(ScopeTargets t, Access... access) {
    List<Access> allowed = List.of(access);
    return Grant.on(t.table())
        .when(
            "ForAllValues:StringEquals",
            LEADING_KEYS,
            PARTITIONS.stream()
                .filter(p -> allowed.contains(p.access()))
                .map(p -> p.key().apply(t.configName()))
                .toList());
  }
}
