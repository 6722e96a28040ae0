package io.capacityctl.aws.dynamodb;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key design of the one DynamoDB table holding capacityctl's state (docs/state-table.md).
 *
 * <p>Partition key {@code pk = CONFIG#<config name>} ({@link StatePartitions#config}), so configs
 * share a table without touching each other and every read is a Query on one partition; audit
 * entries alone live in {@code AUDIT#<config name>} ({@link StatePartitions#audit}), where the
 * controller's role may append but never update or delete. Sort key {@code sk}:
 *
 * <ul>
 *   <li>{@code OVERRIDE#<target>}: one override per target (model key or {@code ecs});
 *   <li>{@code EVENT#<name>}: one-off events added by operators;
 *   <li>{@code AUDIT#<instant, fixed width>#<sequence, 19 digits>}: the append-only audit log,
 *       sorted by time, ties by a per-config counter; in the audit partition (entries written
 *       before it existed stay in the config partition, and are still read);
 *   <li>{@code SEQ#AUDIT}: that counter;
 *   <li>{@code LEASE}: the controller lease and its fencing token;
 *   <li>{@code ARNS#<model key>}: the model's PT ARNs seen lately, each an attribute named by the
 *       ARN holding the epoch millisecond until which it stays known;
 *   <li>{@code PURCHASE#<client request token>}: a PT purchase recorded before it was sent and not
 *       yet seen in the PT list;
 *   <li>{@code CIRCUIT}: the control-plane circuit between passes;
 *   <li>{@code CREATION#<model key>#<PT ARN>}: one of our PT creations, watched from Creating until
 *       first seen InService, kept (the newest 20 per model) to learn the provisioning time.
 * </ul>
 *
 * <p>{@code expiresAt} (epoch seconds) is the table's TTL attribute, carried by overrides,
 * known-ARNs and purchase items. The lease deliberately does not: TTL deleting an expired lease
 * would reset its fencing token, and a stale holder's old token would then pass the fencing check
 * again.
 */
final class StateTable {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String TTL = "expiresAt";
  static final String OVERRIDE_PREFIX = "OVERRIDE#";
  static final String EVENT_PREFIX = "EVENT#";
  static final String AUDIT_PREFIX = "AUDIT#";
  static final String AUDIT_SEQUENCE = "SEQ#AUDIT";
  static final String LEASE = "LEASE";
  static final String ARNS_PREFIX = "ARNS#";
  static final String PURCHASE_PREFIX = "PURCHASE#";
  static final String CIRCUIT = "CIRCUIT";
  static final String CREATION_PREFIX = "CREATION#";

  /** Fixed width, so that the string order of sort keys is the time order. */
  private static final DateTimeFormatter SORTABLE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private StateTable() {}

  static String partition(String configName) {
    return StatePartitions.config(configName);
  }

  static Map<String, AttributeValue> key(String configName, String sortKey) {
    return Map.of(
        PK, AttributeValue.fromS(partition(configName)), SK, AttributeValue.fromS(sortKey));
  }

  /** The key of an audit entry: the audit partition, the time-ordered sort key. */
  static Map<String, AttributeValue> auditKey(String configName, String sortKey) {
    return Map.of(
        PK,
        AttributeValue.fromS(StatePartitions.audit(configName)),
        SK,
        AttributeValue.fromS(sortKey));
  }

  /** One item of the configuration's partition, read strongly consistent; empty when absent. */
  static Map<String, AttributeValue> get(
      DynamoDbClient dynamo, String table, String configName, String sortKey) {
    Map<String, AttributeValue> item =
        AwsErrors.call(
                AwsAction.DYNAMODB_GET_ITEM,
                () ->
                    dynamo.getItem(
                        r -> r.tableName(table).key(key(configName, sortKey)).consistentRead(true)))
            .item();
    return item == null ? Map.of() : item;
  }

  static String auditSortKey(Instant at, long sequence) {
    return AUDIT_PREFIX + SORTABLE_INSTANT.format(at) + "#" + String.format("%019d", sequence);
  }
}
