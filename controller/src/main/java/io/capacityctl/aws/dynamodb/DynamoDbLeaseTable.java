package io.capacityctl.aws.dynamodb;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.state.LeaseItem;
import io.capacityctl.state.LeaseTable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * controllers racing for it serialise in DynamoDB: a take succeeds only at the revision its taker
 * saw and atomically increments the fencing token; renew and release succeed only for the holder
 * with the current token. Every write increments the revision. The item is never deleted, so the
 * token only grows. No condition compares times: when a lease may be taken over is each process's
 * own judgement on its monotonic clock ({@link io.capacityctl.state.LeaseKeeper}).
 *
 * <p>Attributes: {@code holder} (absent when free), {@code fencingToken}, {@code revision}, {@code
 * ttlMillis} (the TTL the holder took it for), {@code leaseUntil} (epoch milliseconds by the
 * holder's wall clock, for people; 0 once released). An item written before revisions existed reads
 * as revision 0 and is taken with {@code attribute_not_exists(revision)}.
 */
public final class DynamoDbLeaseTable implements LeaseTable {
  static final String HOLDER = "holder";
  static final String TOKEN = "fencingToken";
  static final String REVISION = "revision";
  static final String TTL = "ttlMillis";
  static final String UNTIL = "leaseUntil";
  private static final Map<String, String> NAMES =
      Map.of("#h", HOLDER, "#t", TOKEN, "#r", REVISION, "#ttl", TTL, "#u", UNTIL);

  private final DynamoDbClient dynamo;
  private final String table;
  private final String configName;

  public DynamoDbLeaseTable(DynamoDbClient dynamo, String table, String configName) {
    this.dynamo = dynamo;
    this.table = table;
    this.configName = configName;
  }

  @Override
  public LeaseItem read() {
    Map<String, AttributeValue> item = StateTable.get(dynamo, table, configName, StateTable.LEASE);
    return item.isEmpty() ? LeaseItem.NEVER_TAKEN : lease(item);
  }

  @Override
  public Optional<LeaseItem> take(LeaseItem seen, String holder, Duration ttl, Instant heldUntil) {
    Map<String, AttributeValue> values = new HashMap<>(held(holder, ttl, heldUntil));
    values.put(":one", AttributeValue.fromN("1"));
    String unchanged;
    if (seen.revision() == 0) {
      unchanged = "attribute_not_exists(#r)";
    } else {
      unchanged = "#r = :seen";
      values.put(":seen", number(seen.revision()));
    }
    return write("SET #h = :h, #ttl = :ttl, #u = :until ADD #t :one, #r :one", unchanged, values);
  }

  @Override
  public Optional<LeaseItem> renew(
      String holder, long fencingToken, Duration ttl, Instant heldUntil) {
    Map<String, AttributeValue> values = new HashMap<>(held(holder, ttl, heldUntil));
    values.put(":t", number(fencingToken));
    values.put(":one", AttributeValue.fromN("1"));
    return write("SET #ttl = :ttl, #u = :until ADD #r :one", "#h = :h AND #t = :t", values);
  }

  @Override
  public void release(String holder, long fencingToken) {
    // A lost lease is left to its new holder: the condition fails, nothing is written.
    write(
        "REMOVE #h SET #u = :zero ADD #r :one",
        "#h = :h AND #t = :t",
        Map.of(
            ":h", AttributeValue.fromS(holder),
            ":t", number(fencingToken),
            ":zero", AttributeValue.fromN("0"),
            ":one", AttributeValue.fromN("1")));
  }

  private static Map<String, AttributeValue> held(String holder, Duration ttl, Instant until) {
    return Map.of(
        ":h", AttributeValue.fromS(holder),
        ":ttl", number(ttl.toMillis()),
        ":until", number(until.toEpochMilli()));
  }

  /**
   * One conditional UpdateItem of the lease; the item after it, or empty when its condition failed.
   */
  private Optional<LeaseItem> write(
      String update, String condition, Map<String, AttributeValue> values) {
    Map<String, String> names = new HashMap<>();
    NAMES.forEach(
        (k, v) -> {
          if (update.contains(k) || condition.contains(k)) {
            names.put(k, v);
          }
        });
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(StateTable.key(configName, StateTable.LEASE))
            .updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .returnValues(ReturnValue.ALL_NEW)
            .build();
    return conditionally(() -> lease(dynamo.updateItem(request).attributes()));
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

  private static LeaseItem lease(Map<String, AttributeValue> item) {
    AttributeValue holder = item.get(HOLDER);
    return new LeaseItem(
        holder == null ? null : holder.s(),
        longOf(item, TOKEN),
        longOf(item, REVISION),
        Duration.ofMillis(longOf(item, TTL)),
        Instant.ofEpochMilli(longOf(item, UNTIL)));
  }

  private static long longOf(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? 0 : Long.parseLong(v.n());
  }

  private static AttributeValue number(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }
}
