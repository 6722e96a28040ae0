package io.capacityctl.aws.dynamodb;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.CircuitState;
import io.capacityctl.state.Creation;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StaleFencingTokenException;
import io.capacityctl.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Overrides, operator events, the audit log, purchases and the circuit in the state table (key
 * design: {@link StateTable}). Reads are strongly consistent, so a pass sees what the CLI wrote
 * just before.
 *
 * <p>An override past its expiry is never returned, even while it waits for TTL deletion. What a
 * pass writes under the lease — an audit entry with a token &gt; 0, a purchase record, forgetting
 * one, the circuit — is written in one transaction with a condition check on the lease item: it is
 * refused unless its token is the lease's current token, so a controller that lost its lease writes
 * nothing more. Token 0 marks operator writes outside a pass.
 *
 * <p>Known PT ARNs are one item per model whose attributes are the ARNs themselves, each holding
 * the instant it stays known until: one UpdateItem per pass records every current ARN without a
 * read first, and the item's TTL removes it once no ARN of the model was seen for the keep time.
 *
 * <p>A purchase is one item per client request token, put only if absent (the first record stands),
 * deleted once its PT is listed, removed by TTL once abandoned; reads skip abandoned ones. The
 * circuit is one item, replaced by every pass that changes it.
 *
 * <p>A creation is one item per model and PT, put only if absent while watched, replaced only while
 * still watched once done (the first done record stands), deleted while watched when its PT goes
 * before it is InService; the oldest done ones beyond {@link Creation#KEPT_PER_MODEL} are deleted
 * when a new one is done.
 */
public final class DynamoDbStateStore implements StateStore {
  /** Keeps one update expression well under DynamoDB's 4 KB limit. */
  static final int ARNS_PER_UPDATE = 200;

  private final DynamoDbClient dynamo;
  private final String table;
  private final String configName;

  public DynamoDbStateStore(DynamoDbClient dynamo, String table, String configName) {
    this.dynamo = dynamo;
    this.table = table;
    this.configName = configName;
  }

  @Override
  public List<CapacityOverride> activeOverrides(Instant now) {
    return query(StateTable.OVERRIDE_PREFIX).stream()
        .map(StateItems::override)
        .filter(o -> o.activeAt(now))
        .toList();
  }

  @Override
  public void putOverride(CapacityOverride override) {
    put(StateItems.override(override), StateTable.OVERRIDE_PREFIX + override.target());
  }

  @Override
  public boolean clearOverride(String target) {
    return delete(StateTable.OVERRIDE_PREFIX + target);
  }

  @Override
  public List<EventSpec> extraEvents() {
    return query(StateTable.EVENT_PREFIX).stream().map(StateItems::event).toList();
  }

  @Override
  public void putEvent(EventSpec event) {
    put(StateItems.event(event), StateTable.EVENT_PREFIX + event.name());
  }

  @Override
  public boolean removeEvent(String name) {
    return delete(StateTable.EVENT_PREFIX + name);
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    Map<String, AttributeValue> item = new HashMap<>(StateItems.audit(entry));
    item.putAll(
        StateTable.auditKey(configName, StateTable.auditSortKey(entry.at(), nextAuditSequence())));
    String appendOnly = "attribute_not_exists(" + StateTable.SK + ")";
    if (entry.fencingToken() == 0) {
      AwsErrors.call(
          AwsAction.DYNAMODB_PUT_ITEM,
          () -> dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(appendOnly)));
      return;
    }
    Put put = Put.builder().tableName(table).item(item).conditionExpression(appendOnly).build();
    fenced(entry.fencingToken(), TransactWriteItem.builder().put(put).build(), false);
  }

  @Override
  public List<AuditEntry> recentAudit(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    // The audit partition first; entries written before it existed are older than all of its
    // entries, so they only fill what the limit leaves.
    List<AuditEntry> newestFirst =
        new ArrayList<>(newestAudit(StatePartitions.audit(configName), limit));
    if (newestFirst.size() < limit) {
      newestFirst.addAll(
          newestAudit(StatePartitions.config(configName), limit - newestFirst.size()));
    }
    List<AuditEntry> newestLast = new ArrayList<>(newestFirst);
    Collections.reverse(newestLast);
    return List.copyOf(newestLast);
  }

  private List<AuditEntry> newestAudit(String partition, int limit) {
    QueryRequest request =
        partitionQuery(partition, StateTable.AUDIT_PREFIX)
            .scanIndexForward(false)
            .limit(limit)
            .build();
    return AwsErrors.call(AwsAction.DYNAMODB_QUERY, () -> dynamo.query(request)).items().stream()
        .map(StateItems::audit)
        .toList();
  }

  @Override
  public void rememberArns(String model, Collection<String> arns, Instant now, Duration keep) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(arns));
    Map<String, AttributeValue> item = Map.of();
    for (int from = 0; from < distinct.size(); from += ARNS_PER_UPDATE) {
      List<String> chunk =
          distinct.subList(from, Math.min(distinct.size(), from + ARNS_PER_UPDATE));
      item =
          updateArns(model, "SET " + assignments(chunk) + ", #ttl = :ttl", chunk, now.plus(keep));
    }
    List<String> expired =
        StateItems.arnsUntil(item).entrySet().stream()
            .filter(e -> !e.getValue().isAfter(now))
            .map(Map.Entry::getKey)
            .toList();
    // Rare (a PT deleted a keep time ago): dropped so a model's item never grows without bound.
    for (int from = 0; from < expired.size(); from += ARNS_PER_UPDATE) {
      List<String> chunk = expired.subList(from, Math.min(expired.size(), from + ARNS_PER_UPDATE));
      updateArns(model, "REMOVE " + names(chunk), chunk, null);
    }
  }

  @Override
  public Set<String> knownArns(String model, Instant now) {
    Map<String, AttributeValue> item =
        StateTable.get(dynamo, table, configName, StateTable.ARNS_PREFIX + model);
    return StateStore.stillKept(StateItems.arnsUntil(item == null ? Map.of() : item), now);
  }

  @Override
  public void recordPurchase(PurchaseIntent intent, long fencingToken) {
    Map<String, AttributeValue> item =
        item(StateItems.purchase(intent), StateTable.PURCHASE_PREFIX + intent.clientRequestToken());
    Put firstOnly =
        Put.builder()
            .tableName(table)
            .item(item)
            .conditionExpression("attribute_not_exists(" + StateTable.SK + ")")
            .build();
    // Recorded by an earlier pass already: its first record stands, and that is no failure.
    fenced(fencingToken, TransactWriteItem.builder().put(firstOnly).build(), true);
  }

  @Override
  public List<PurchaseIntent> pendingPurchases(Instant now) {
    return query(StateTable.PURCHASE_PREFIX).stream()
        .map(StateItems::purchase)
        .filter(p -> p.pendingAt(now))
        .sorted(PurchaseIntent.OLDEST_FIRST)
        .toList();
  }

  @Override
  public void forgetPurchase(String clientRequestToken, long fencingToken) {
    Delete delete =
        Delete.builder()
            .tableName(table)
            .key(StateTable.key(configName, StateTable.PURCHASE_PREFIX + clientRequestToken))
            .build();
    fenced(fencingToken, TransactWriteItem.builder().delete(delete).build(), false);
  }

  @Override
  public CircuitState circuit() {
    Map<String, AttributeValue> item =
        StateTable.get(dynamo, table, configName, StateTable.CIRCUIT);
    return item.isEmpty() ? CircuitState.CLOSED : StateItems.circuit(item);
  }

  @Override
  public void saveCircuit(CircuitState state, long fencingToken) {
    Put put =
        Put.builder()
            .tableName(table)
            .item(item(StateItems.circuit(state), StateTable.CIRCUIT))
            .build();
    fenced(fencingToken, TransactWriteItem.builder().put(put).build(), false);
  }

  @Override
  public void recordCreation(Creation creation, long fencingToken) {
    String first = "attribute_not_exists(" + StateTable.SK + ")";
    Put put =
        Put.builder()
            .tableName(table)
            .item(
                item(StateItems.creation(creation), creationKey(creation.model(), creation.arn())))
            .conditionExpression(
                creation.done() ? first + " OR attribute_not_exists(inServiceBy)" : first)
            .build();
    // Recorded as far already (another pass, another controller): that record stands.
    fenced(fencingToken, TransactWriteItem.builder().put(put).build(), true);
    if (creation.done()) {
      dropOldestDone(creation.model(), fencingToken);
    }
  }

  /** Rare (once a model has more done creations than kept): one fenced delete each. */
  private void dropOldestDone(String model, long fencingToken) {
    List<Creation> done =
        query(StateTable.CREATION_PREFIX + model + "#").stream()
            .map(StateItems::creation)
            .filter(Creation::done)
            .sorted(Creation.NEWEST_DONE_FIRST)
            .toList();
    for (Creation old : done.subList(Math.min(done.size(), Creation.KEPT_PER_MODEL), done.size())) {
      Delete delete =
          Delete.builder()
              .tableName(table)
              .key(StateTable.key(configName, creationKey(model, old.arn())))
              .build();
      fenced(fencingToken, TransactWriteItem.builder().delete(delete).build(), false);
    }
  }

  @Override
  public void dropCreation(String model, String arn, long fencingToken) {
    Delete delete =
        Delete.builder()
            .tableName(table)
            .key(StateTable.key(configName, creationKey(model, arn)))
            .conditionExpression(
                "attribute_exists(" + StateTable.SK + ") AND attribute_not_exists(inServiceBy)")
            .build();
    // Not recorded, or done: left as it is, which is no failure.
    fenced(fencingToken, TransactWriteItem.builder().delete(delete).build(), true);
  }

  @Override
  public List<Creation> creations() {
    return query(StateTable.CREATION_PREFIX).stream()
        .map(StateItems::creation)
        .sorted(Creation.CREATED_FIRST)
        .toList();
  }

  private static String creationKey(String model, String arn) {
    return StateTable.CREATION_PREFIX + model + "#" + arn;
  }

  /**
   * Runs {@code write} in one transaction with a condition check that {@code fencingToken} is the
   * lease item's current token: a controller that lost its lease gets {@link
   * StaleFencingTokenException} and nothing is written.
   *
   * @param ownConditionMayFail true when the write's own condition failing means "already done"
   */
  private void fenced(long fencingToken, TransactWriteItem write, boolean ownConditionMayFail) {
    ConditionCheck leaseIsOurs =
        ConditionCheck.builder()
            .tableName(table)
            .key(StateTable.key(configName, StateTable.LEASE))
            .conditionExpression("#t = :t")
            .expressionAttributeNames(Map.of("#t", DynamoDbLeaseTable.TOKEN))
            .expressionAttributeValues(
                Map.of(":t", AttributeValue.fromN(Long.toString(fencingToken))))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build();
    AwsErrors.call(
        AwsAction.DYNAMODB_CONDITION_CHECK_ITEM,
        () -> {
          try {
            return dynamo.transactWriteItems(
                r ->
                    r.transactItems(
                        TransactWriteItem.builder().conditionCheck(leaseIsOurs).build(), write));
          } catch (TransactionCanceledException e) {
            if (ownConditionMayFail && failed(e, 1) && !failed(e, 0)) {
              return null;
            }
            throw staleOr(e, fencingToken);
          }
        });
  }

  private static boolean failed(TransactionCanceledException e, int item) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().size() > item
        && "ConditionalCheckFailed".equals(e.cancellationReasons().get(item).code());
  }

  /**
   * Runs one update of a model's known-ARNs item, ARN {@code i} named {@code #a<i>}; with {@code
   * until}, {@code :u} is it and {@code :ttl} its TTL. Returns the item as it is after the update.
   */
  private Map<String, AttributeValue> updateArns(
      String model, String expression, List<String> arns, Instant until) {
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < arns.size(); i++) {
      names.put("#a" + i, arns.get(i));
    }
    Map<String, AttributeValue> values = new HashMap<>();
    if (until != null) {
      names.put("#ttl", StateTable.TTL);
      values.put(":u", StateItems.epochMillis(until));
      values.put(":ttl", StateItems.ttl(until));
    }
    UpdateItemRequest.Builder request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(StateTable.key(configName, StateTable.ARNS_PREFIX + model))
            .updateExpression(expression)
            .expressionAttributeNames(names)
            .returnValues(ReturnValue.ALL_NEW);
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values); // DynamoDB rejects an empty value map
    }
    Map<String, AttributeValue> after =
        AwsErrors.call(AwsAction.DYNAMODB_UPDATE_ITEM, () -> dynamo.updateItem(request.build()))
            .attributes();
    return after == null ? Map.of() : after;
  }

  private static String assignments(List<String> arns) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < arns.size(); i++) {
      parts.add("#a" + i + " = :u");
    }
    return String.join(", ", parts);
  }

  private static String names(List<String> arns) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < arns.size(); i++) {
      parts.add("#a" + i);
    }
    return String.join(", ", parts);
  }

  /** The stale-token refusal when the lease check failed; otherwise the transaction's fault. */
  private static RuntimeException staleOr(TransactionCanceledException e, long token) {
    CancellationReason lease = e.hasCancellationReasons() ? e.cancellationReasons().get(0) : null;
    if (lease != null && "ConditionalCheckFailed".equals(lease.code())) {
      AttributeValue current =
          lease.item() == null ? null : lease.item().get(DynamoDbLeaseTable.TOKEN);
      return new StaleFencingTokenException(
          token,
          current == null
              ? "no lease was ever taken"
              : "the lease's current token is " + current.n());
    }
    return e; // e.g. TransactionConflict with a concurrent renew: classified, retried next pass
  }

  /** A per-config counter, so entries written in the same instant keep their order. */
  private long nextAuditSequence() {
    Map<String, AttributeValue> attributes =
        AwsErrors.call(
                AwsAction.DYNAMODB_UPDATE_ITEM,
                () ->
                    dynamo.updateItem(
                        r ->
                            r.tableName(table)
                                .key(StateTable.key(configName, StateTable.AUDIT_SEQUENCE))
                                .updateExpression("ADD #s :one")
                                .expressionAttributeNames(Map.of("#s", "sequence"))
                                .expressionAttributeValues(
                                    Map.of(":one", AttributeValue.fromN("1")))
                                .returnValues(ReturnValue.UPDATED_NEW)))
            .attributes();
    return Long.parseLong(attributes.get("sequence").n());
  }

  private List<Map<String, AttributeValue>> query(String prefix) {
    QueryRequest request = partitionQuery(StateTable.partition(configName), prefix).build();
    return AwsErrors.call(
        AwsAction.DYNAMODB_QUERY, () -> dynamo.queryPaginator(request).items().stream().toList());
  }

  private QueryRequest.Builder partitionQuery(String partition, String prefix) {
    return QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", StateTable.PK, "#sk", StateTable.SK))
        .expressionAttributeValues(
            Map.of(
                ":pk", AttributeValue.fromS(partition),
                ":prefix", AttributeValue.fromS(prefix)));
  }

  private void put(Map<String, AttributeValue> attributes, String sortKey) {
    Map<String, AttributeValue> item = item(attributes, sortKey);
    AwsErrors.call(
        AwsAction.DYNAMODB_PUT_ITEM, () -> dynamo.putItem(r -> r.tableName(table).item(item)));
  }

  private boolean delete(String sortKey) {
    Map<String, AttributeValue> old =
        AwsErrors.call(
                AwsAction.DYNAMODB_DELETE_ITEM,
                () ->
                    dynamo.deleteItem(
                        r ->
                            r.tableName(table)
                                .key(StateTable.key(configName, sortKey))
                                .returnValues(ReturnValue.ALL_OLD)))
            .attributes();
    return !old.isEmpty();
  }

  private Map<String, AttributeValue> item(Map<String, AttributeValue> attributes, String sk) {
    Map<String, AttributeValue> item = new HashMap<>(attributes);
    item.putAll(StateTable.key(configName, sk));
    return item;
  }
}
