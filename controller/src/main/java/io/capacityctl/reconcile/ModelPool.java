package io.capacityctl.reconcile;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.state.PurchaseIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model's PTs as capacityctl sees them in a pass, sorted into what serves, what is coming, what
 * is draining, what is fixed (committed) and what is not ours to touch. Rebuilt from the cloud
 * every pass; drain state comes from the last published routing table. Purchases recorded before
 * they were sent are matched to our PTs by their purchase tag: a match is done, the rest pending.
 */
public final class ModelPool {
  private final String model;
  private final List<ProvisionedThroughput> committed = new ArrayList<>();
  private final List<ProvisionedThroughput> serving = new ArrayList<>();
  private final List<ProvisionedThroughput> creating = new ArrayList<>();
  private final List<ProvisionedThroughput> failed = new ArrayList<>();
  private final List<ProvisionedThroughput> foreign = new ArrayList<>();
  private final Map<String, Instant> drainingSince = new HashMap<>();
  private final List<ProvisionedThroughput> draining = new ArrayList<>();
  private final List<PurchaseIntent> pendingPurchases = new ArrayList<>();
  private final List<PurchaseIntent> listedPurchases = new ArrayList<>();

  private ModelPool(String model) {
    this.model = model;
  }

  /**
   * Sorts a model's PTs.
   *
   * @param routes the model's routes from the last published table, or null
   * @param purchases the purchases recorded and still pending (any model's), oldest first
   */
  public static ModelPool of(
      String config,
      String model,
      List<ProvisionedThroughput> pts,
      ModelRoutes routes,
      List<PurchaseIntent> purchases) {
    return of(List.of(config), model, pts, routes, purchases);
  }

  /**
   * Sorts a model's PTs, counting as ours those bought for any of {@code configs}: a configuration
   * and the old names it adopts ({@code aws.adoptFrom}).
   */
  public static ModelPool of(
      Collection<String> configs,
      String model,
      List<ProvisionedThroughput> pts,
      ModelRoutes routes,
      List<PurchaseIntent> purchases) {
    ModelPool pool = new ModelPool(model);
    if (routes != null) {
      for (Route r : routes.routes()) {
        if (r.draining()) {
          pool.drainingSince.put(r.arn(), r.drainingSince());
        }
      }
    }
    for (ProvisionedThroughput pt : pts) {
      if (pt.committed()) {
        pool.committed.add(pt);
      } else if (!pt.managedBy(configs, model)) {
        pool.foreign.add(pt);
      } else if (pt.status() == PtStatus.FAILED) {
        pool.failed.add(pt);
      } else if (pool.drainingSince.containsKey(pt.arn())) {
        pool.draining.add(pt);
      } else if (pt.status() == PtStatus.CREATING) {
        pool.creating.add(pt);
      } else {
        pool.serving.add(pt);
      }
    }
    if (!pool.drainingSince.isEmpty()) {
      // Only listed PTs drain: forget routes whose PT is gone.
      Set<String> listed = new HashSet<>();
      for (ProvisionedThroughput pt : pool.draining) {
        listed.add(pt.arn());
      }
      pool.drainingSince.keySet().retainAll(listed);
    }
    if (purchases.isEmpty()) {
      return pool; // the usual pass: nothing bought and not yet listed
    }
    // Only a PT counted in this pool fulfils a purchase: one whose tags are not readable yet (not
    // ours as far as we know) must leave the purchase pending, or its units would be bought again.
    Set<String> bought = new HashSet<>();
    for (List<ProvisionedThroughput> group :
        List.of(pool.serving, pool.creating, pool.draining, pool.failed)) {
      for (ProvisionedThroughput pt : group) {
        bought.add(pt.purchaseToken());
      }
    }
    for (PurchaseIntent p : purchases) {
      if (!p.model().equals(model)) {
        continue;
      }
      if (bought.contains(p.clientRequestToken())) {
        pool.listedPurchases.add(p);
      } else {
        pool.pendingPurchases.add(p);
      }
    }
    return pool;
  }

  public String model() {
    return model;
  }

  /** Routed units in service: committed in service plus ours not draining. */
  public int inServiceUnits() {
    return units(serving) + committedUnits(true);
  }

  /** Our units still in Creating, plus committed ones not yet in service. */
  public int creatingUnits() {
    return units(creating) + committedUnits(false);
  }

  public int committedUnits() {
    return units(committed);
  }

  public int drainingUnits() {
    return units(draining);
  }

  /** Units that serve or will serve callers: the planner's "current". */
  public int plannedUnits() {
    return inServiceUnits() + creatingUnits();
  }

  public List<ProvisionedThroughput> serving() {
    return serving;
  }

  public List<ProvisionedThroughput> creating() {
    return creating;
  }

  public List<ProvisionedThroughput> failed() {
    return failed;
  }

  public List<ProvisionedThroughput> draining() {
    return draining;
  }

  public List<ProvisionedThroughput> committed() {
    return committed;
  }

  public List<ProvisionedThroughput> foreign() {
    return foreign;
  }

  /**
   * Purchases sent (or about to be, when a pass died in between) whose PT is not listed yet, oldest
   * first: a scale-up sends these again, with their own tokens, before buying anything new.
   */
  public List<PurchaseIntent> pendingPurchases() {
    return pendingPurchases;
  }

  /** Purchases whose PT is listed: their records can be forgotten. */
  public List<PurchaseIntent> listedPurchases() {
    return listedPurchases;
  }

  public Instant drainingSince(String arn) {
    return drainingSince.get(arn);
  }

  /**
   * The ARNs whose traffic is this model's demand: every PT of ours in any state, and committed
   * ones. Not foreign PTs: their capacity is not counted either.
   */
  public List<String> trafficArns() {
    List<String> arns = new ArrayList<>();
    addArns(committed, arns);
    addArns(serving, arns);
    addArns(creating, arns);
    addArns(draining, arns);
    addArns(failed, arns);
    return arns;
  }

  private static void addArns(List<ProvisionedThroughput> pts, List<String> arns) {
    for (ProvisionedThroughput p : pts) {
      arns.add(p.arn());
    }
  }

  /** Ours in Creating for longer than {@code 2 x provisioningTime}: reported, alarmed. */
  public List<ProvisionedThroughput> stuck(ModelConfig m, Instant now) {
    if (creating.isEmpty()) {
      return List.of();
    }
    Duration limit = m.provisioningTime().multipliedBy(2);
    List<ProvisionedThroughput> stuck = new ArrayList<>();
    for (ProvisionedThroughput p : creating) {
      if (p.createdAt() != null && p.createdAt().plus(limit).isBefore(now)) {
        stuck.add(p);
      }
    }
    return stuck;
  }

  /** The routes callers may use, in a new list: in-service PTs, plus draining ones marked so. */
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>(committed.size() + serving.size() + draining.size());
    for (ProvisionedThroughput p : committed) {
      if (inService(p)) {
        routes.add(new Route(p.arn(), p.modelUnits(), null));
      }
    }
    for (ProvisionedThroughput p : serving) {
      routes.add(new Route(p.arn(), p.modelUnits(), null));
    }
    for (ProvisionedThroughput p : draining) {
      routes.add(new Route(p.arn(), p.modelUnits(), drainingSince.get(p.arn())));
    }
    return routes;
  }

  /**
   * The ARNs of {@link #routes} not draining (committed in service, and serving), without a route
   * each: a pass asks it of every model before its metrics read.
   */
  public Set<String> routedArns() {
    Set<String> arns = new HashSet<>();
    for (ProvisionedThroughput p : committed) {
      if (inService(p)) {
        arns.add(p.arn());
      }
    }
    for (ProvisionedThroughput p : serving) {
      arns.add(p.arn());
    }
    return arns;
  }

  /** Units of committed PTs in service ({@code inService}) or not yet. */
  private int committedUnits(boolean inService) {
    int sum = 0;
    for (ProvisionedThroughput p : committed) {
      if (inService(p) == inService) {
        sum += p.modelUnits();
      }
    }
    return sum;
  }

  private static boolean inService(ProvisionedThroughput p) {
    return p.status() == PtStatus.IN_SERVICE || p.status() == PtStatus.UPDATING;
  }

  static int units(List<ProvisionedThroughput> pts) {
    int sum = 0;
    for (ProvisionedThroughput p : pts) {
      sum += p.modelUnits();
    }
    return sum;
  }
}
