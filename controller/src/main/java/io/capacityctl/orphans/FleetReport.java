package io.capacityctl.orphans;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.ProvisionedThroughput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every PT capacityctl bought, as one pass of this configuration sees the account: the PTs its
 * models count are the pools' business; the rest are sorted here. Pure: built from the PT list, the
 * heartbeats read and the clock.
 *
 * @param listed false when the PT list failed this pass: nothing is sorted, deleted or counted
 * @param retiring this configuration's PTs no configured model claims, deleted after the grace
 * @param orphaned PTs nobody will manage or remove: counted in {@code OrphanedUnits}
 * @param others other configurations' PTs whose controller is alive, by configuration: not touched
 * @param unknown other configurations whose heartbeat could not be read, with why: their PTs are
 *     neither touched nor counted as orphaned
 * @param previous this configuration's heartbeat as the last pass wrote it, or null
 * @param heartbeatProblem why this configuration's own heartbeat could not be read, or null: then
 *     nothing is deleted and no heartbeat written this pass, so no grace period restarts
 */
public record FleetReport(
    Instant at,
    boolean listed,
    List<Retiring> retiring,
    List<Orphan> orphaned,
    Map<String, List<ProvisionedThroughput>> others,
    Map<String, String> unknown,
    ConfigHeartbeat previous,
    String heartbeatProblem) {

  /**
   * Sorts the PTs of {@code fleet}.
   *
   * @param liveness per other configuration seen on a PT, what its heartbeat says
   */
  static FleetReport classify(
      CapacityConfig config,
      List<ProvisionedThroughput> fleet,
      Map<String, Liveness> liveness,
      ConfigHeartbeat previous,
      String heartbeatProblem,
      Instant now) {
    Set<String> owners = Set.copyOf(Owners.of(config));
    Duration grace = delay(config);
    List<Retiring> retiring = new ArrayList<>();
    List<Orphan> orphaned = new ArrayList<>();
    Map<String, List<ProvisionedThroughput>> others = new LinkedHashMap<>();
    Map<String, String> unknown = new LinkedHashMap<>();
    for (ProvisionedThroughput pt : fleet) {
      if (!pt.managed()) {
        continue; // not capacityctl's: not ours to report either
      }
      String owner = pt.configTag();
      if (owner == null) {
        orphaned.add(
            new Orphan(
                pt,
                "?",
                "tagged managed-by=capacityctl without capacityctl:config",
                UnitPrices.hourlyUsd(config, pt)));
        continue;
      }
      if (owners.contains(owner) && claimedByAModel(config, pt)) {
        continue; // a model's pool counts it (nearly every PT, every pass: nothing priced)
      }
      double hourly = UnitPrices.hourlyUsd(config, pt);
      if (owners.contains(owner)) {
        if (pt.committed()) {
          orphaned.add(
              new Orphan(
                  pt,
                  owner,
                  "committed, and no configured model claims it: a committed PT is never deleted",
                  hourly));
          continue;
        }
        Instant since =
            previous == null ? now : previous.retiringSince().getOrDefault(pt.arn(), now);
        retiring.add(new Retiring(pt, since, since.plus(grace), hourly));
        continue;
      }
      Liveness l = liveness.getOrDefault(owner, new Liveness(null, null, "heartbeat not read"));
      if (l.claimedAt(now)) {
        others.computeIfAbsent(owner, k -> new ArrayList<>()).add(pt);
      } else if (l.problem() != null) {
        // Not seen claimed, but a heartbeat could not be read: never report a live fleet orphaned.
        unknown.put(owner, l.problem());
      } else {
        orphaned.add(new Orphan(pt, owner, l.unclaimed(owner), hourly));
      }
    }
    return new FleetReport(
        now, true, retiring, orphaned, others, unknown, previous, heartbeatProblem);
  }

  /** A pass whose PT list failed: nothing to sort, delete or count. */
  static FleetReport unlisted(ConfigHeartbeat previous, String heartbeatProblem, Instant now) {
    return new FleetReport(
        now, false, List.of(), List.of(), Map.of(), Map.of(), previous, heartbeatProblem);
  }

  /**
   * How long a PT no model claims stays before it is deleted: the grace, and never less than the
   * drain time, so callers have stopped using it (it left the routing table when it was first
   * seen).
   */
  static Duration delay(CapacityConfig config) {
    Duration grace = config.aws().removedModelGrace();
    Duration drain = config.policy().drainTime();
    return grace.compareTo(drain) >= 0 ? grace : drain;
  }

  /** True when a configured model counts the PT: its model key is configured and it serves it. */
  static boolean claimedByAModel(CapacityConfig config, ProvisionedThroughput pt) {
    String key = pt.modelTag();
    return key != null
        && config.models().containsKey(key)
        && pt.serves(config.model(key).modelId());
  }

  public int orphanedUnits() {
    return orphaned.isEmpty() ? 0 : orphaned.stream().mapToInt(o -> o.pt().modelUnits()).sum();
  }

  public double orphanedHourlyUsd() {
    return orphaned.stream().mapToDouble(Orphan::hourlyUsd).sum();
  }

  public int retiringUnits() {
    return retiring.stream().mapToInt(r -> r.pt().modelUnits()).sum();
  }

  /** The retiring PTs whose grace period is over. */
  public List<Retiring> due() {
    return retiring.isEmpty() ? List.of() : retiring.stream().filter(r -> r.dueAt(at)).toList();
  }

  /** What a group of PTs is, for a pass's warnings and the health check. */
  public enum Kind {
    /** This configuration's heartbeat is unreadable: nothing is deleted. */
    HEARTBEAT,
    /** This configuration's PTs of one model key that no configured model claims. */
    RETIRING,
    /** One configuration's PTs that nobody manages or removes. */
    ORPHANED,
    /** One configuration whose heartbeat could not be read. */
    UNKNOWN
  }

  /**
   * One group of PTs, described.
   *
   * @param target the model key (retiring) or the configuration (orphaned, unknown)
   * @param pts the PTs of the group (none for heartbeat and unknown)
   */
  public record Group(Kind kind, String target, String detail, List<ProvisionedThroughput> pts) {}

  /** One warning per group of retiring, orphaned and unknown PTs: what a pass says. */
  public List<String> warnings(CapacityConfig config) {
    if (heartbeatProblem == null && retiring.isEmpty() && orphaned.isEmpty() && unknown.isEmpty()) {
      return List.of(); // nothing to say: the usual pass
    }
    return groups(config).stream().map(Group::detail).toList();
  }

  /** The retiring PTs by model key, the orphaned ones by configuration, then the unknown. */
  public List<Group> groups(CapacityConfig config) {
    List<Group> out = new ArrayList<>();
    if (heartbeatProblem != null) {
      out.add(
          new Group(
              Kind.HEARTBEAT,
              config.name(),
              "orphan sweep: this configuration's heartbeat is unreadable ("
                  + heartbeatProblem
                  + "): nothing retired is deleted this pass",
              List.of()));
    }
    Map<String, List<Retiring>> byModel = new LinkedHashMap<>();
    retiring.forEach(
        r ->
            byModel
                .computeIfAbsent(String.valueOf(r.pt().modelTag()), k -> new ArrayList<>())
                .add(r));
    byModel.forEach(
        (model, rs) ->
            out.add(
                new Group(
                    Kind.RETIRING,
                    model,
                    String.format(
                        "%s: %s in %s of this configuration that no configured model claims (%s):"
                            + " out of the routing table, deleted at %s ($%.2f/h until then)",
                        model,
                        units(rs.stream().mapToInt(r -> r.pt().modelUnits()).sum()),
                        pts(rs.size()),
                        why(config, model),
                        rs.stream().map(Retiring::deleteAt).max(Instant::compareTo).orElseThrow(),
                        rs.stream().mapToDouble(Retiring::hourlyUsd).sum()),
                    rs.stream().map(Retiring::pt).toList())));
    Map<String, List<Orphan>> byConfig = new LinkedHashMap<>();
    orphaned.forEach(o -> byConfig.computeIfAbsent(o.config(), k -> new ArrayList<>()).add(o));
    byConfig.forEach(
        (owner, os) ->
            out.add(
                new Group(
                    Kind.ORPHANED,
                    owner,
                    String.format(
                        "orphaned: %s in %s of configuration '%s' ($%.2f/h): %s; never touched"
                            + " — %s",
                        units(os.stream().mapToInt(o -> o.pt().modelUnits()).sum()),
                        pts(os.size()),
                        owner,
                        os.stream().mapToDouble(Orphan::hourlyUsd).sum(),
                        os.get(0).why(),
                        Owners.of(config).contains(owner)
                            ? "delete them by hand once their term ends"
                            : "adopt them with aws.adoptFrom: [" + owner + "] or delete them"),
                    os.stream().map(Orphan::pt).toList())));
    unknown.forEach(
        (owner, problem) ->
            out.add(
                new Group(
                    Kind.UNKNOWN,
                    owner,
                    "cannot tell whether configuration '"
                        + owner
                        + "' has a live controller ("
                        + problem
                        + "): its PTs are not touched and not counted as orphaned",
                    List.of())));
    return out;
  }

  static String why(CapacityConfig config, String modelKey) {
    if (!config.models().containsKey(modelKey)) {
      return "model '" + modelKey + "' removed from the configuration";
    }
    return "model '" + modelKey + "' now names " + config.model(modelKey).modelId();
  }

  static String units(int n) {
    return n + (n == 1 ? " unit" : " units");
  }

  private static String pts(int n) {
    return n + (n == 1 ? " PT" : " PTs");
  }
}
