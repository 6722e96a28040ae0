package io.capacityctl.sim;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.HeartbeatsApi;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated account's state tables as far as heartbeats go: every configuration's controller on
 * the account writes its own and reads the others', by table name, as in DynamoDB.
 */
public final class SimHeartbeats implements HeartbeatsApi {
  private final Map<String, Map<String, ConfigHeartbeat>> tables = new HashMap<>();
  private final Faults faults = new Faults();

  /**
   * Inject errors by IAM action ({@code dynamodb:GetItem} reads, {@code dynamodb:PutItem} writes).
   */
  public Faults faults() {
    return faults;
  }

  /** Every table's heartbeats, by table then configuration (a sandbox's file keeps them). */
  public synchronized Map<String, Map<String, ConfigHeartbeat>> save() {
    Map<String, Map<String, ConfigHeartbeat>> copy = new TreeMap<>();
    tables.forEach((table, beats) -> copy.put(table, new TreeMap<>(beats)));
    return copy;
  }

  /** Replaces every heartbeat with {@code saved} (none when null: a file written before them). */
  public synchronized void restore(Map<String, Map<String, ConfigHeartbeat>> saved) {
    tables.clear();
    if (saved != null) {
      saved.forEach((table, beats) -> tables.put(table, new HashMap<>(beats)));
    }
  }

  @Override
  public synchronized void write(String table, ConfigHeartbeat beat) {
    faults.check(AwsAction.DYNAMODB_PUT_ITEM.iamAction());
    tables.computeIfAbsent(table, t -> new HashMap<>()).put(beat.config(), beat);
  }

  @Override
  public synchronized Optional<ConfigHeartbeat> read(String table, String config) {
    faults.check(AwsAction.DYNAMODB_GET_ITEM.iamAction());
    return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(config));
  }
}
