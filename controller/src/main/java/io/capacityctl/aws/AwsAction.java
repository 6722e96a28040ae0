package io.capacityctl.aws;

/**
 * Every AWS API action capacityctl calls, in one registry. Adapters name the action of each call
 * from here (error classification reports it), and the CDK stack grants exactly this list, so a new
 * call without a grant fails the infra tests (MangaAssist incident 4: a hardened role lost {@code
 * bedrock:*ProvisionedModelThroughput} and nothing noticed).
 */
public enum AwsAction {
  BEDROCK_CREATE_PT("bedrock", "CreateProvisionedModelThroughput"),
  BEDROCK_GET_PT("bedrock", "GetProvisionedModelThroughput"),
  BEDROCK_LIST_PTS("bedrock", "ListProvisionedModelThroughputs"),
  BEDROCK_DELETE_PT("bedrock", "DeleteProvisionedModelThroughput"),
  BEDROCK_TAG_RESOURCE("bedrock", "TagResource"),
  BEDROCK_LIST_TAGS("bedrock", "ListTagsForResource"),
  CLOUDWATCH_GET_METRIC_DATA("cloudwatch", "GetMetricData"),
  ECS_DESCRIBE_SERVICES("ecs", "DescribeServices"),
  ECS_UPDATE_SERVICE("ecs", "UpdateService"),
  AAS_REGISTER_SCALABLE_TARGET("application-autoscaling", "RegisterScalableTarget"),
  AAS_DESCRIBE_SCALABLE_TARGETS("application-autoscaling", "DescribeScalableTargets"),
  SSM_PUT_PARAMETER("ssm", "PutParameter"),
  SSM_GET_PARAMETER("ssm", "GetParameter"),
  /** The configuration, when it lives in an S3 object ({@code s3://bucket/key}). */
  S3_GET_OBJECT("s3", "GetObject"),
  DYNAMODB_GET_ITEM("dynamodb", "GetItem"),
  DYNAMODB_PUT_ITEM("dynamodb", "PutItem"),
  DYNAMODB_UPDATE_ITEM("dynamodb", "UpdateItem"),
  DYNAMODB_DELETE_ITEM("dynamodb", "DeleteItem"),
  DYNAMODB_QUERY("dynamodb", "Query"),
  /** The lease check inside the audit's TransactWriteItems (IAM has no TransactWriteItems). */
  DYNAMODB_CONDITION_CHECK_ITEM("dynamodb", "ConditionCheckItem"),
  STS_GET_CALLER_IDENTITY("sts", "GetCallerIdentity");

  private final String service;
  private final String operation;
  // Built once: the simulated cloud asks for it on every call of every reconcile pass.
  private final String iamAction;

  AwsAction(String service, String operation) {
    this.service = service;
    this.operation = operation;
    this.iamAction = service + ":" + operation;
  }

  /** The IAM service prefix, e.g. {@code bedrock}. */
  public String service() {
    return service;
  }

  /** The API operation name, e.g. {@code CreateProvisionedModelThroughput}. */
  public String operation() {
    return operation;
  }

  /** The IAM action string, e.g. {@code bedrock:CreateProvisionedModelThroughput}. */
  public String iamAction() {
    return iamAction;
  }
}
