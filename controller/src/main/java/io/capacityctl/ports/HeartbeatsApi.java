package io.capacityctl.ports;

import java.util.Optional;

/**
 * Configuration heartbeats ({@link ConfigHeartbeat}) in state tables: a controller writes its own
 * configuration's in its own table and reads other configurations' in theirs. One item per
 * configuration, keyed by its name, so a renamed configuration's old heartbeat is simply never
 * written again and ages out. Errors surface as {@link CloudException}.
 */
public interface HeartbeatsApi {

  /** Writes (replaces) {@code beat} in {@code table}. */
  void write(String table, ConfigHeartbeat beat);

  /**
   * The heartbeat of {@code config} in {@code table}; empty when there is none or the table does
   * not exist (a deleted stack's configuration claims nothing).
   */
  Optional<ConfigHeartbeat> read(String table, String config);
}
