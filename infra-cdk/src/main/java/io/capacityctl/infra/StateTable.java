package io.capacityctl.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The controller's DynamoDB table: overrides, one-off events, the audit trail and the lease, keyed
 * by {@code pk}/{@code sk}, with {@code expiresAt} (epoch seconds) as the TTL attribute.
 */
public final class StateTable extends Construct {
  public static final String PARTITION_KEY = "pk";
  public static final String SORT_KEY = "sk";
  public static final String TTL_ATTRIBUTE = "expiresAt";

  private final Table table;

  /**
   * @param tableName the configuration's {@code aws.stateTable}: the CLI on an operator's laptop
   *     finds the table by this name, so it is not left to CloudFormation
   */
  public StateTable(Construct scope, String id, String tableName) {
    super(scope, id);
    table =
        Table.Builder.create(this, "Table")
            .tableName(tableName)
            .partitionKey(
                Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build())
            .sortKey(Attribute.builder().name(SORT_KEY).type(AttributeType.STRING).build())
            // A few writes a minute: on-demand costs cents and never throttles a burst of CLI use.
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .timeToLiveAttribute(TTL_ATTRIBUTE)
            // The AWS managed key (aws/dynamodb): encrypted under KMS, every use of the key in
            // CloudTrail, and no key policy to keep in step with the operators' CLI roles (its
            // policy admits any principal of the account that DynamoDB authorises).
            .encryption(TableEncryption.AWS_MANAGED)
            // The audit trail outlives the stack: deleting the stack must not erase who did what.
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  public ITable table() {
    return table;
  }
}
