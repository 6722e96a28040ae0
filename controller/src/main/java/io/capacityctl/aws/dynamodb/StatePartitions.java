package io.capacityctl.aws.dynamodb;

/**
 * The partition keys of one configuration's items, public because the CDK stack conditions the
 * controller role's writes on them ({@code dynamodb:LeadingKeys}): IAM sees a request's partition
 * key, never its sort key, so what the role may not delete has to live in a partition of its own.
 *
 * <ul>
 *   <li>{@link #config}: overrides, events, the lease, the audit counter, known ARNs, purchases;
 *       the controller may put, update and delete here;
 *   <li>{@link #audit}: the audit trail; the controller may only append here (PutItem), never
 *       update or delete (docs/state-table.md, docs/deploy.md);
 *   <li>{@link #heartbeat}: the configuration's heartbeat, which other configurations' controllers
 *       read (GetItem) to tell a live fleet from an orphaned one; they need nothing else of this
 *       table.
 * </ul>
 */
public final class StatePartitions {
  private StatePartitions() {}

  /** {@code CONFIG#<name>}: every item of the configuration but its audit entries. */
  public static String config(String configName) {
    return "CONFIG#" + configName;
  }

  /** {@code AUDIT#<name>}: the configuration's append-only audit entries. */
  public static String audit(String configName) {
    return "AUDIT#" + configName;
  }

  /** {@code HEARTBEAT#<name>}: the configuration's heartbeat, replaced by every pass. */
  public static String heartbeat(String configName) {
    return "HEARTBEAT#" + configName;
  }
}
