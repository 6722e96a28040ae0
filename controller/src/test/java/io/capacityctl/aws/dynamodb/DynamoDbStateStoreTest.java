package io.capacityctl.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.CircuitState;
import io.capacityctl.state.LeaseItem;
import io.capacityctl.state.LeaseTable;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StateStore;
import io.capacityctl.state.StateStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The state contract against DynamoDB Local, in-process. Each test uses its own config name, so its
 * own partition: a fresh state without recreating the table. Every lease manager is a new instance,
 * as if each holder were a separate process.
 */
class DynamoDbStateStoreTest extends StateStoreContract {
  private static final String TABLE = "capacityctl-test";
  private static final AtomicInteger CONFIGS = new AtomicInteger();
  private static AmazonDynamoDBLocal local;
  private static DynamoDbClient dynamo;

  private String config;

  @BeforeAll
  static void startDynamoDbLocal() {
    local = DynamoDBEmbedded.create(true); // true: no telemetry (no network here)
    dynamo = local.dynamoDbClient();
    StateTableFixture.create(dynamo, TABLE);
  }

  @AfterAll
  static void stopDynamoDbLocal() {
    local.shutdown();
  }

  @BeforeEach
  void freshPartition() {
    config = "config-" + CONFIGS.incrementAndGet();
  }

  @Override
  protected StateStore store() {
    return new DynamoDbStateStore(dynamo, TABLE, config);
  }

  @Override
  protected LeaseTable leaseTable() {
    return new DynamoDbLeaseTable(dynamo, TABLE, config);
  }

  @Test
  void overridesCarryATtlInEpochSecondsRoundedUp() {
    Instant until = Instant.parse("2025-03-03T10:00:00.250Z");
    store()
        .putOverride(
            new CapacityOverride(
                "sonnet", 8, false, until.minusSeconds(60), until, "launch", "ops"));

    Map<String, AttributeValue> item = item(StateTable.OVERRIDE_PREFIX + "sonnet");

    assertThat(item.get(StateTable.TTL).n()).isEqualTo(Long.toString(until.getEpochSecond() + 1));
  }

  @Test
  void theLeaseItemHasNoTtlSoItsFencingTokenIsNeverReset() {
    leaseTable()
        .take(
            LeaseItem.NEVER_TAKEN,
            "daemon",
            Duration.ofSeconds(30),
            Instant.parse("2025-03-03T09:00:30Z"));

    assertThat(item(StateTable.LEASE)).doesNotContainKey(StateTable.TTL);
  }

  @Test
  void configsSharingTheTableDoNotSeeEachOther() {
    Instant t = Instant.parse("2025-03-03T09:00:00Z");
    store().putOverride(new CapacityOverride("sonnet", 8, false, t, t.plusSeconds(60), "r", "ops"));
    leaseTable().take(LeaseItem.NEVER_TAKEN, "daemon", Duration.ofSeconds(30), t);
    String other = "other-" + config;

    assertThat(new DynamoDbStateStore(dynamo, TABLE, other).activeOverrides(t)).isEmpty();
    assertThat(
            new DynamoDbLeaseTable(dynamo, TABLE, other)
                .take(LeaseItem.NEVER_TAKEN, "lambda", Duration.ofSeconds(30), t))
        .isPresent();
  }

  @Test
  void knownArnsAreOneItemPerModelWithATtlAndExpiredArnsArePruned() {
    Instant t = Instant.parse("2025-03-03T09:00:00.500Z");
    String old = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/old";
    String now = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/now";
    Duration keep = Duration.ofDays(8);
    store().rememberArns("sonnet", List.of(old), t, keep);
    Instant later = t.plus(keep).plusSeconds(60);

    store().rememberArns("sonnet", List.of(now), later, keep);

    Map<String, AttributeValue> item = item(StateTable.ARNS_PREFIX + "sonnet");
    assertThat(item).containsKey(now).doesNotContainKey(old);
    assertThat(item.get(now).n()).isEqualTo(Long.toString(later.plus(keep).toEpochMilli()));
    assertThat(item.get(StateTable.TTL).n())
        .isEqualTo(Long.toString(later.plus(keep).getEpochSecond() + 1));
  }

  @Test
  void moreArnsThanOneUpdateHoldsAreAllRemembered() {
    Instant t = Instant.parse("2025-03-03T09:00:00Z");
    List<String> arns =
        IntStream.range(0, DynamoDbStateStore.ARNS_PER_UPDATE + 5)
            .mapToObj(i -> "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/p" + i)
            .toList();

    store().rememberArns("sonnet", arns, t, Duration.ofDays(8));

    assertThat(store().knownArns("sonnet", t)).containsExactlyInAnyOrderElementsOf(arns);
  }

  @Test
  void aPurchaseIsOneItemPerTokenWithATtlAtItsAbandonTime() {
    Instant t = Instant.parse("2025-03-03T09:00:00Z");
    Instant until = t.plus(Duration.ofHours(1)).plusMillis(1);

    long token =
        leaseTable()
            .take(LeaseItem.NEVER_TAKEN, "daemon", Duration.ofSeconds(30), t)
            .orElseThrow()
            .fencingToken();
    store()
        .recordPurchase(
            new PurchaseIntent("sonnet", "capacityctl-x-sonnet-s1", 1, "tok", t, until), token);

    Map<String, AttributeValue> item = item(StateTable.PURCHASE_PREFIX + "tok");
    assertThat(item.get("name").s()).isEqualTo("capacityctl-x-sonnet-s1");
    assertThat(item.get(StateTable.TTL).n()).isEqualTo(Long.toString(until.getEpochSecond() + 1));
  }

  @Test
  void auditEntriesLiveInTheirOwnPartitionWhereTheRoleMayOnlyAppend() {
    Instant t = Instant.parse("2025-03-03T09:00:00Z");

    store().appendAudit(new AuditEntry(t, "ops", "override-set", "sonnet", "8 units", 0));

    List<Map<String, AttributeValue>> audit =
        dynamo
            .query(
                r ->
                    r.tableName(TABLE)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(
                            Map.of(":pk", AttributeValue.fromS(StatePartitions.audit(config)))))
            .items();
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get(StateTable.SK).s()).startsWith(StateTable.AUDIT_PREFIX);
    assertThat(audit.get(0).get("kind").s()).isEqualTo("override-set");
    // Nothing of the audit trail in the partition the controller may delete from.
    assertThat(
            dynamo
                .query(
                    r ->
                        r.tableName(TABLE)
                            .keyConditionExpression("pk = :pk AND begins_with(sk, :a)")
                            .expressionAttributeValues(
                                Map.of(
                                    ":pk", AttributeValue.fromS(StatePartitions.config(config)),
                                    ":a", AttributeValue.fromS(StateTable.AUDIT_PREFIX))))
                .items())
        .isEmpty();
  }

  @Test
  void entriesWrittenBeforeTheAuditPartitionAreStillReadOlderThanTheNewOnes() {
    Instant t = Instant.parse("2025-03-03T09:00:00Z");
    // As a table written by an earlier version holds it: in the config partition.
    Map<String, AttributeValue> legacy =
        new java.util.HashMap<>(
            StateItems.audit(new AuditEntry(t, "ops", "old", "sonnet", "before", 0)));
    legacy.putAll(StateTable.key(config, StateTable.auditSortKey(t, 1)));
    dynamo.putItem(r -> r.tableName(TABLE).item(legacy));
    store().appendAudit(new AuditEntry(t.plusSeconds(60), "ops", "new", "sonnet", "after", 0));

    assertThat(store().recentAudit(10)).extracting(AuditEntry::kind).containsExactly("old", "new");
    assertThat(store().recentAudit(1)).extracting(AuditEntry::kind).containsExactly("new");
  }

  @Test
  void aLeaseItemWrittenBeforeRevisionsIsReadAsRevisionZeroAndTakenOnce() {
    dynamo.putItem(
        r ->
            r.tableName(TABLE)
                .item(
                    Map.of(
                        StateTable.PK,
                        AttributeValue.fromS(StateTable.partition(config)),
                        StateTable.SK,
                        AttributeValue.fromS(StateTable.LEASE),
                        "holder",
                        AttributeValue.fromS("daemon:old"),
                        "fencingToken",
                        AttributeValue.fromN("41"),
                        "leaseUntil",
                        AttributeValue.fromN("0"))));
    LeaseItem legacy = leaseTable().read();
    Instant t = Instant.parse("2025-03-03T09:00:00Z");

    assertThat(legacy.revision()).isZero();
    assertThat(legacy.fencingToken()).isEqualTo(41);
    LeaseItem taken =
        leaseTable().take(legacy, "daemon:new", Duration.ofSeconds(30), t).orElseThrow();
    assertThat(taken.fencingToken()).isEqualTo(42);
    assertThat(taken.revision()).isEqualTo(1);
    assertThat(leaseTable().take(legacy, "lambda", Duration.ofSeconds(30), t)).isEmpty();
  }

  @Test
  void theCircuitIsOneItemWrittenUnderTheLease() {
    Instant t = Instant.parse("2025-03-03T09:00:00Z");
    long token =
        leaseTable()
            .take(LeaseItem.NEVER_TAKEN, "daemon", Duration.ofSeconds(30), t)
            .orElseThrow()
            .fencingToken();
    store().saveCircuit(new CircuitState(3, t), token);

    Map<String, AttributeValue> circuit = item(StateTable.CIRCUIT);
    assertThat(circuit.get("failedPasses").n()).isEqualTo("3");
    assertThat(circuit.get("openedAt").s()).isEqualTo(t.toString());
    assertThat(item(StateTable.LEASE)).containsKeys("revision", "ttlMillis", "leaseUntil");
  }

  private Map<String, AttributeValue> item(String sortKey) {
    return dynamo
        .getItem(r -> r.tableName(TABLE).key(StateTable.key(config, sortKey)).consistentRead(true))
        .item();
  }
}
