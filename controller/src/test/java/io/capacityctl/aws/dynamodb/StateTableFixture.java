package io.capacityctl.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the state table as the CDK stack does (pk/sk strings, on-demand), but with TTL off: the
 * tests' clocks are fixed in the past, and DynamoDB Local, like DynamoDB, deletes items whose TTL
 * has passed in the background, which would remove items in the middle of a test at random. That
 * items carry their TTL is asserted on the items themselves.
 */
public final class StateTableFixture {
  private StateTableFixture() {}

  public static void create(DynamoDbClient dynamo, String table) {
    dynamo.createTable(
        r ->
            r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(StateTable.PK), attribute(StateTable.SK))
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName(StateTable.PK)
                        .keyType(KeyType.HASH)
                        .build(),
                    KeySchemaElement.builder()
                        .attributeName(StateTable.SK)
                        .keyType(KeyType.RANGE)
                        .build()));
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
