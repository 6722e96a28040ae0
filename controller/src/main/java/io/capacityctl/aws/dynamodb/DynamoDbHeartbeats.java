package io.capacityctl.aws.dynamodb;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.HeartbeatsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Configuration heartbeats in state tables: one item per configuration, {@code pk =
 * HEARTBEAT#<config>} ({@link StatePartitions#heartbeat}), {@code sk = HEARTBEAT}, replaced by
 * every pass (PutItem) and read by other configurations' controllers (GetItem, strongly
 * consistent). A partition of its own so that IAM can let a role read other tables' heartbeats and
 * nothing else of them ({@code dynamodb:LeadingKeys}). TTL deletes an item a week after its claim
 * ends: a renamed configuration's old heartbeat ages out by itself.
 */
public final class DynamoDbHeartbeats implements HeartbeatsApi {
  static final String SORT_KEY = "HEARTBEAT";

  /** How long after its claim ends an unrefreshed heartbeat is kept, then deleted by TTL. */
  static final Duration KEPT_AFTER_CLAIM = Duration.ofDays(7);

  private final DynamoDbClient dynamo;

  public DynamoDbHeartbeats(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  @Override
  public void write(String table, ConfigHeartbeat beat) {
    Map<String, AttributeValue> item = new HashMap<>(key(beat.config()));
    item.put("config", AttributeValue.fromS(beat.config()));
    item.put("at", AttributeValue.fromS(beat.at().toString()));
    item.put("claimedUntil", AttributeValue.fromS(beat.claimedUntil().toString()));
    item.put(
        "adopts", AttributeValue.fromL(beat.adopts().stream().map(AttributeValue::fromS).toList()));
    Map<String, AttributeValue> retiring = new LinkedHashMap<>();
    beat.retiringSince()
        .forEach((arn, since) -> retiring.put(arn, AttributeValue.fromS(since.toString())));
    item.put("retiringSince", AttributeValue.fromM(retiring));
    item.put(StateTable.TTL, StateItems.ttl(beat.claimedUntil().plus(KEPT_AFTER_CLAIM)));
    AwsErrors.call(
        AwsAction.DYNAMODB_PUT_ITEM, () -> dynamo.putItem(r -> r.tableName(table).item(item)));
  }

  @Override
  public Optional<ConfigHeartbeat> read(String table, String config) {
    Map<String, AttributeValue> item;
    try {
      item =
          AwsErrors.call(
                  AwsAction.DYNAMODB_GET_ITEM,
                  () ->
                      dynamo.getItem(r -> r.tableName(table).key(key(config)).consistentRead(true)))
              .item();
    } catch (CloudException e) {
      if (e.kind() == CloudException.Kind.NOT_FOUND) {
        return Optional.empty(); // no such table: nobody keeps that configuration's state here
      }
      throw e;
    }
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Instant> retiring = new LinkedHashMap<>();
    item.getOrDefault("retiringSince", AttributeValue.fromM(Map.of()))
        .m()
        .forEach((arn, since) -> retiring.put(arn, Instant.parse(since.s())));
    List<String> adopts =
        item.getOrDefault("adopts", AttributeValue.fromL(List.of())).l().stream()
            .map(AttributeValue::s)
            .toList();
    return Optional.of(
        new ConfigHeartbeat(
            config,
            Instant.parse(item.get("at").s()),
            Instant.parse(item.get("claimedUntil").s()),
            adopts,
            retiring));
  }

  private static Map<String, AttributeValue> key(String config) {
    return Map.of(
        StateTable.PK,
        AttributeValue.fromS(StatePartitions.heartbeat(config)),
        StateTable.SK,
        AttributeValue.fromS(SORT_KEY));
  }
}
