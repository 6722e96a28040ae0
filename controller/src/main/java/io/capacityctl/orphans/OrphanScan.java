package io.capacityctl.orphans;

import io.capacityctl.config.AwsSettings;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.HeartbeatsApi;
import io.capacityctl.ports.ProvisionedThroughput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what sorting the account's PTs takes besides the PT list — this configuration's heartbeat,
 * and the heartbeat of every other configuration seen on a PT — and sorts them ({@link
 * FleetReport}). Read-only: a pass, {@code plan}, {@code status} and the health check all use it.
 *
 * <p>Where another configuration's heartbeat is: in the state table its PTs name in their {@code
 * capacityctl:state-table} tag (set at purchase, so wherever that configuration keeps its state);
 * for PTs bought before that tag, in this configuration's table (configurations may share one) and
 * in the table that configuration would have by default ({@code capacityctl-<name>}). A missing
 * table holds no heartbeat: a deleted stack's configuration claims nothing. A configuration another
 * live one adopts ({@code aws.adoptFrom}) is claimed by it.
 */
public final class OrphanScan {
  private final CapacityConfig config;
  private final HeartbeatsApi heartbeats;

  public OrphanScan(CapacityConfig config, HeartbeatsApi heartbeats) {
    this.config = config;
    this.heartbeats = heartbeats;
  }

  /**
   * Sorts {@code fleet}, every PT of the account as this pass listed it; null when the list failed,
   * which gives a report that lists nothing and so lets the sweep delete nothing.
   */
  public FleetReport scan(List<ProvisionedThroughput> fleet, Instant now) {
    ConfigHeartbeat previous = null;
    String problem = null;
    try {
      previous = heartbeats.read(config.aws().stateTable(), config.name()).orElse(null);
    } catch (CloudException e) {
      problem = e.getMessage();
    }
    if (fleet == null) {
      return FleetReport.unlisted(previous, problem, now);
    }
    return FleetReport.classify(config, fleet, liveness(fleet, now), previous, problem, now);
  }

  /** Per other configuration seen on a PT of capacityctl's, what its heartbeat says. */
  private Map<String, Liveness> liveness(List<ProvisionedThroughput> fleet, Instant now) {
    Set<String> owners = Set.copyOf(Owners.of(config));
    Map<String, Set<String>> taggedTables = new LinkedHashMap<>();
    for (ProvisionedThroughput pt : fleet) {
      String owner = pt.configTag();
      // Our own first (nearly every PT, every pass): no more tags read for those.
      if (owner != null && !owners.contains(owner) && pt.managed()) {
        Set<String> tables = taggedTables.computeIfAbsent(owner, k -> new LinkedHashSet<>());
        String table = pt.tags().get(ProvisionedThroughput.TAG_STATE_TABLE);
        if (table != null) {
          tables.add(table);
        }
      }
    }
    Map<String, Liveness> out = new LinkedHashMap<>();
    List<ConfigHeartbeat> live = new ArrayList<>();
    taggedTables.forEach(
        (owner, tables) -> {
          Read read = read(owner, tables);
          if (read.newest() == null) {
            // Bought before the tag, or the tag names a table it has since left.
            read = read.or(read(owner, fallbackTables(owner)));
          }
          if (read.newest() != null) {
            out.put(owner, new Liveness(read.newest().claimedUntil(), null, null));
            if (read.newest().claimedAt(now)) {
              live.add(read.newest());
            }
          } else {
            out.put(owner, new Liveness(null, null, read.problem()));
          }
        });
    for (ConfigHeartbeat beat : live) {
      for (String adopted : beat.adopts()) {
        Liveness l = out.get(adopted);
        if (l != null && !l.claimedAt(now)) {
          out.put(adopted, new Liveness(l.claimedUntil(), beat.config(), null));
        }
      }
    }
    return out;
  }

  private Set<String> fallbackTables(String owner) {
    Set<String> tables = new LinkedHashSet<>();
    tables.add(config.aws().stateTable());
    tables.add(AwsSettings.defaultStateTable(owner));
    return tables;
  }

  /** The newest heartbeat of {@code owner} in {@code tables}, and the last read error if any. */
  private Read read(String owner, Set<String> tables) {
    ConfigHeartbeat newest = null;
    String problem = null;
    for (String table : tables) {
      try {
        ConfigHeartbeat beat = heartbeats.read(table, owner).orElse(null);
        if (beat != null
            && (newest == null || beat.claimedUntil().isAfter(newest.claimedUntil()))) {
          newest = beat;
        }
      } catch (CloudException e) {
        problem = "heartbeat in " + table + " unreadable: " + e.getMessage();
      }
    }
    return new Read(newest, problem);
  }

  private record Read(ConfigHeartbeat newest, String problem) {
    /** This read's heartbeat, else {@code other}'s; a read error is kept from either. */
    Read or(Read other) {
      return new Read(
          newest != null ? newest : other.newest, problem != null ? problem : other.problem);
    }
  }
}
