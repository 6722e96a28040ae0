package io.capacityctl.reconcile;

import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EcsConfig;
import io.capacityctl.leadtime.LongestProvisioning;
import io.capacityctl.orphans.Owners;
import io.capacityctl.planner.DemandHistory;
import io.capacityctl.planner.EcsObservation;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Observation;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.EcsState;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.state.Creation;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StateStore;
import io.capacityctl.time.LocalDays;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the whole state a pass needs — every time, never from memory (level-based): the account's
 * PTs (one list, sorted into a pool per model; the whole list is kept for the orphan sweep), the
 * published routes, one batched metrics read and the ECS service. A read that fails is recorded as
 * a problem on what it affects, so the planner holds instead of acting on a partial view.
 *
 * <p>With the {@code pt-arns} metrics source, the ARNs of the PTs listed are recorded in the state
 * store before metrics are read ({@link StateStore#rememberArns}), for {@link #arnMemory} — longer
 * than the week-ago history window reaches back — so the metrics adapter also queries PTs deleted
 * since the history minutes they served. The record survives restarts.
 */
public final class Observer {
  private final CapacityConfig config;
  private final CloudPorts cloud;
  private final StateStore state;
  private final HistoryWindow window;
  private final DemandMemory demandMemory;
  private final LongestProvisioning longest;

  public Observer(CapacityConfig config, CloudPorts cloud, StateStore state, HistoryWindow window) {
    this(config, cloud, state, window, new DemandMemory(), new LongestProvisioning());
  }

  /**
   * An observer that derives demand and the longest provisioning with the reconciler's memory of
   * the last passes' reads.
   */
  Observer(
      CapacityConfig config,
      CloudPorts cloud,
      StateStore state,
      HistoryWindow window,
      DemandMemory demandMemory,
      LongestProvisioning longest) {
    this.config = config;
    this.cloud = cloud;
    this.state = state;
    this.window = window;
    this.demandMemory = demandMemory;
    this.longest = longest;
  }

  /**
   * How long a PT's ARN stays queried after it was last listed: the week-ago range starts a week
   * plus the recent window before now; a day more covers a DST shift and clock skew.
   */
  public Duration arnMemory() {
    return Duration.ofDays(8).plusMinutes(window.recentMinutes());
  }

  public Snapshot observe(Instant now) {
    List<String> problems = new ArrayList<>();
    RouteTable previous = null;
    String routeProblem = null;
    try {
      previous = cloud.routes().read().orElse(null);
    } catch (CloudException e) {
      routeProblem = "routing table unreadable (" + e.getMessage() + ")";
      problems.add(routeProblem);
    }
    List<String> keys = config.modelKeys();
    Map<String, ModelPool> pools = new LinkedHashMap<>();
    Map<String, String> modelProblems = new LinkedHashMap<>();
    List<PurchaseIntent> purchases = List.of();
    String purchaseProblem = null;
    try {
      purchases = state.pendingPurchases(now);
    } catch (CloudException e) {
      purchaseProblem = "purchase records unreadable (" + e.getMessage() + ")";
      problems.add(purchaseProblem);
    }
    // One list per pass for every model (and the orphan sweep): the API has no model filter.
    List<ProvisionedThroughput> fleet = null;
    String listProblem = null;
    try {
      fleet = cloud.bedrock().listAll();
    } catch (CloudException e) {
      listProblem = "PT list failed (" + e.getMessage() + ")";
    }
    List<String> owners = Owners.of(config);
    for (String key : keys) {
      if (purchaseProblem != null) {
        // A purchase sent earlier and not listed yet would be bought again: no pool, as when the
        // PT list fails, so nothing is done for the model.
        modelProblems.put(key, purchaseProblem);
        continue;
      }
      if (listProblem != null) {
        modelProblems.put(key, listProblem);
        problems.add(key + ": " + listProblem);
        continue;
      }
      String modelId = config.model(key).modelId();
      List<ProvisionedThroughput> pts = new ArrayList<>();
      for (ProvisionedThroughput pt : fleet) {
        if (pt.serves(modelId)) {
          pts.add(pt);
        }
      }
      pools.put(
          key,
          ModelPool.of(
              owners, key, pts, previous == null ? null : previous.models().get(key), purchases));
      if (routeProblem != null) {
        modelProblems.put(key, routeProblem);
      }
    }
    Map<String, DemandHistory> demand =
        rememberArns(pools, now, problems) ? readDemand(keys, pools, now, problems) : Map.of();
    List<Creation> creations = readCreations(problems);
    Map<String, Duration> observed = observedProvisioning(keys, creations, now);
    Map<String, ModelState> states = new LinkedHashMap<>();
    for (String key : keys) {
      ModelPool pool = pools.get(key);
      states.put(
          key,
          pool == null
              ? new ModelState(key, 0, 0, 0, 0, demand.get(key), modelProblems.get(key))
              : new ModelState(
                  key,
                  pool.inServiceUnits(),
                  pool.creatingUnits(),
                  pool.committedUnits(),
                  pool.drainingUnits(),
                  demand.get(key),
                  modelProblems.get(key),
                  observed.get(key)));
    }
    EcsObservation ecs = config.ecs() == null ? null : readEcs(config.ecs(), problems);
    return new Snapshot(
        new Observation(now, states, ecs), pools, previous, problems, fleet, creations);
  }

  /**
   * The creation records, read once a pass for the planner and {@link CreationWatch}; null when
   * unreadable, so each event's lead time is read literally (the floor from its lead): a warning,
   * never a failed pass.
   */
  private List<Creation> readCreations(List<String> problems) {
    try {
      return state.creations();
    } catch (RuntimeException e) {
      problems.add(
          "provisioning observations unreadable ("
              + e.getMessage()
              + "): lead times read literally this pass");
      return null;
    }
  }

  /**
   * Per model, the longest provisioning its own creations showed, one still in progress included
   * (the planner's canary reading of a lead time); none when the records were unreadable.
   */
  private Map<String, Duration> observedProvisioning(
      List<String> keys, List<Creation> creations, Instant now) {
    Map<String, Duration> out = new HashMap<>();
    if (creations == null) {
      return out;
    }
    for (String key : keys) {
      Duration d = longest.longest(config.model(key), creations, now);
      if (d != null) {
        out.put(key, d);
      }
    }
    return out;
  }

  /**
   * Records the listed PTs' ARNs when metrics are read by ARN. False when that failed: the read
   * would then miss the traffic of PTs not yet recorded, and undercounted demand must never drive a
   * scale-down, so no metrics are read this pass.
   */
  private boolean rememberArns(Map<String, ModelPool> pools, Instant now, List<String> problems) {
    if (!MetricsSource.PT_ARNS.equals(config.aws().metrics().kind())) {
      return true;
    }
    try {
      for (ModelPool pool : pools.values()) {
        state.rememberArns(pool.model(), pool.trafficArns(), now, arnMemory());
      }
      return true;
    } catch (CloudException e) {
      problems.add("metrics not read: PT ARNs could not be recorded (" + e.getMessage() + ")");
      return false;
    }
  }

  /**
   * The newest minute read is two minutes back: the minute in progress is not over and the one
   * before may still be filling in (CloudWatch is eventually consistent).
   */
  public static Instant newestCompleteMinute(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
  }

  private Map<String, DemandHistory> readDemand(
      List<String> keys, Map<String, ModelPool> pools, Instant now, List<String> problems) {
    Instant last = newestCompleteMinute(now);
    int n = window.recentMinutes();
    int h = window.horizonMinutes();
    int p = window.profileMinutes();
    Instant dayAnchor = LocalDays.back(last, 1, config.timezone());
    Instant weekAnchor = LocalDays.back(last, 7, config.timezone());
    List<TimeRange> ranges =
        List.of(range(last, n, 0), range(dayAnchor, p, h), range(weekAnchor, p, h));
    Map<String, DemandHistory> out = new LinkedHashMap<>();
    try {
      Map<String, List<MinuteSeries>> read = cloud.metrics().read(keys, ranges, routed(pools));
      for (String key : keys) {
        List<MinuteSeries> s = read.get(key);
        if (s == null || s.size() < 3) {
          problems.add(key + ": no metrics returned");
          continue;
        }
        DemandMemory.Span[] d = demandMemory.demandTps(key, s.subList(0, 3));
        out.put(
            key,
            new DemandHistory(
                last,
                d[0].buffer(),
                d[0].from(),
                d[0].length(),
                orNull(d[1].toArray()),
                orNull(d[2].toArray()),
                p));
      }
    } catch (CloudException e) {
      problems.add("metrics read failed (" + e.getMessage() + ")");
    }
    return out;
  }

  /**
   * Per model, the PT ARNs callers are routed to now (in service, not draining): a minute one of
   * them has not reported is late, never idle ({@link io.capacityctl.ports.PartialMinutes}).
   */
  private static Map<String, Set<String>> routed(Map<String, ModelPool> pools) {
    return new RoutedArns(pools);
  }

  private EcsObservation readEcs(EcsConfig ecs, List<String> problems) {
    try {
      EcsState s = cloud.ecs().describe(ecs.cluster(), ecs.service());
      return new EcsObservation(s.desired(), s.running(), s.floor(), null);
    } catch (CloudException e) {
      String p = "ECS describe failed (" + e.getMessage() + ")";
      problems.add(p);
      return new EcsObservation(0, 0, ecs.minTasks(), p);
    }
  }

  private static TimeRange range(Instant anchor, int before, int after) {
    return new TimeRange(
        anchor.minusSeconds(60L * (before - 1)), anchor.plusSeconds(60L * (1 + after)));
  }

  /** A history with no datapoint at all is absent, not a flat zero. */
  private static double[] orNull(double[] d) {
    for (double v : d) {
      if (!Double.isNaN(v)) {
        return d;
      }
    }
    return null;
  }
}
