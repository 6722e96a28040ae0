package io.capacityctl.aws.dynamodb;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The controller lease as one item ({@code sk = LEASE}) changed only by conditional writes, so two
 * controllers racing for it serialise in DynamoDB: acquire succeeds only when the lease is free or
 * expired and atomically increments the fencing token; renew and release succeed only for the
 * holder with the current token. The item is never deleted, so the token only grows.
 *
 * <p>Attributes: {@code holder} (absent when free), {@code fencingToken}, {@code leaseUntil} (epoch
 * milliseconds; 0 once released).
 */
public final class DynamoDbLeaseManager implements LeaseManager {
  static final String HOLDER = "holder";
  static final String TOKEN = "fencingToken";
  static final String UNTIL = "leaseUntil";
  private static final Map<String, String> NAMES = Map.of("#h", HOLDER, "#t", TOKEN, "#u", UNTIL);

  private final DynamoDbClient dynamo;
  private final String table;
  private final String configName;

  public DynamoDbLeaseManager(DynamoDbClient dynamo, String table, String configName) {
    this.dynamo = dynamo;
    this.table = table;
    this.configName = configName;
  }

  @Override
  public Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl) {
    Instant until = now.plus(ttl);
    UpdateItemRequest request =
        update()
            .updateExpression("SET #h = :h, #u = :until ADD #t :one")
            .conditionExpression("attribute_not_exists(#u) OR #u <= :now")
            .expressionAttributeValues(
                Map.of(
                    ":h", AttributeValue.fromS(holder),
                    ":until", millis(until),
                    ":one", AttributeValue.fromN("1"),
                    ":now", millis(now)))
            .returnValues(ReturnValue.ALL_NEW)
            .build();
    return conditionally(() -> dynamo.updateItem(request))
        .map(r -> new Lease(holder, Long.parseLong(r.attributes().get(TOKEN).n()), until));
  }

  @Override
  public boolean renew(Lease lease, Instant now, Duration ttl) {
    UpdateItemRequest request =
        update()
            .updateExpression("SET #u = :until")
            .conditionExpression("#h = :h AND #t = :t")
            .expressionAttributeValues(
                Map.of(
                    ":h", AttributeValue.fromS(lease.holder()),
                    ":t", token(lease),
                    ":until", millis(now.plus(ttl))))
            .build();
    return conditionally(() -> dynamo.updateItem(request)).isPresent();
  }

  @Override
  public void release(Lease lease) {
    UpdateItemRequest request =
        update()
            .updateExpression("REMOVE #h SET #u = :zero")
            .conditionExpression("#h = :h AND #t = :t")
            .expressionAttributeValues(
                Map.of(
                    ":h", AttributeValue.fromS(lease.holder()),
                    ":t", token(lease),
                    ":zero", AttributeValue.fromN("0")))
            .build();
    conditionally(() -> dynamo.updateItem(request)); // a lost lease is left to its new holder
  }

  @Override
  public Optional<Lease> current(Instant now) {
    Map<String, AttributeValue> item =
        AwsErrors.call(
                AwsAction.DYNAMODB_GET_ITEM,
                () ->
                    dynamo.getItem(
                        r ->
                            r.tableName(table)
                                .key(StateTable.key(configName, StateTable.LEASE))
                                .consistentRead(true)))
            .item();
    if (item == null || !item.containsKey(HOLDER)) {
      return Optional.empty();
    }
    Instant until = Instant.ofEpochMilli(Long.parseLong(item.get(UNTIL).n()));
    return until.isAfter(now)
        ? Optional.of(new Lease(item.get(HOLDER).s(), Long.parseLong(item.get(TOKEN).n()), until))
        : Optional.empty();
  }

  private UpdateItemRequest.Builder update() {
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(StateTable.key(configName, StateTable.LEASE))
        .expressionAttributeNames(NAMES);
  }

  /** Runs a conditional update; empty when its condition did not hold. */
  private static <T> Optional<T> conditionally(Supplier<T> write) {
    return AwsErrors.call(
        AwsAction.DYNAMODB_UPDATE_ITEM,
        () -> {
          try {
            return Optional.of(write.get());
          } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
          }
        });
  }

  private static AttributeValue millis(Instant t) {
    return AttributeValue.fromN(Long.toString(t.toEpochMilli()));
  }

  private static AttributeValue token(Lease lease) {
    return AttributeValue.fromN(Long.toString(lease.fencingToken()));
  }
}
