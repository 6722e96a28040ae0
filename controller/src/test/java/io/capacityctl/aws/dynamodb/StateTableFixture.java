package io.capacityctl.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the state table as the CDK stack does: pk/sk strings, on-demand, TTL on expiresAt. */
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
    dynamo.updateTimeToLive(
        r ->
            r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(StateTable.TTL).enabled(true)));
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
