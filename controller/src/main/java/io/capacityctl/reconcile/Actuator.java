package io.capacityctl.reconcile;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Spend;
import io.capacityctl.planner.UnitSizing;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StaleFencingTokenException;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link Plan} to the cloud in the safe order (Bedrock up, ECS, Bedrock down), under the
 * lease — every state write fenced by its token, every AWS call made only while the lease is still
 * this process's to act under ({@link Fence}) — and reports every failure by name. A failed Bedrock
 * scale-up caps the ECS step at what the capacity that exists can serve. Never deletes a PT that is
 * not ours or is committed: {@link ModelPool} only hands out our own, uncommitted PTs.
 */
final class Actuator {
  private final CapacityConfig config;
  private final CloudPorts cloud;
  private final StateStore state;
  private final TelemetrySink telemetry;
  private final String holder;
  private final long token;
  private final Fence fence;
  private final List<String> done = new ArrayList<>();
  private final List<PassReport.Failure> failures = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final ControlPlaneCalls calls;
  // AWS actions denied terminally this pass: calling them again would fail the same way.
  private final Set<String> denied = new HashSet<>();

  /**
   * An actuator whose Bedrock and ECS calls are watched by {@code calls}, acting under {@code
   * fence}.
   */
  Actuator(
      CapacityConfig config,
      ControlPlaneCalls calls,
      StateStore state,
      TelemetrySink telemetry,
      String holder,
      Fence fence) {
    this.config = config;
    this.calls = calls;
    this.cloud = calls.ports();
    this.state = state;
    this.telemetry = telemetry;
    this.holder = holder;
    this.fence = fence;
    this.token = fence.token();
  }

  /** What {@link #apply} would do with {@code commands}, without doing it. */
  static PassReport dryRun(CapacityConfig config, Commands commands, String holder) {
    Assessment a = commands.basis();
    List<String> warnings = new ArrayList<>(a.snapshot().problems());
    Spend.of(config, a.plan()).warning().ifPresent(warnings::add);
    return new PassReport(
        a.at(),
        PassReport.Outcome.PLANNED,
        holder,
        0,
        a.plan(),
        commands.describe(),
        List.of(),
        warnings,
        DegradationLevel.ofPass(false, a.snapshot().observation(), config, a.at()));
  }

  /**
   * Runs {@code commands} exactly, on the cloud as {@code snapshot} (read in this pass) shows it.
   *
   * @param commands computed from {@code snapshot}, or shown earlier and found unchanged by it
   */
  PassReport apply(Commands commands, Snapshot snapshot, Instant now) {
    Plan plan = commands.basis().plan();
    warnings.addAll(snapshot.problems());
    Spend spend = Spend.of(config, plan);
    spend.warning().ifPresent(warnings::add);
    Map<String, List<Route>> routes = new LinkedHashMap<>();
    Map<String, Integer> plannedAfter = new LinkedHashMap<>();
    Map<String, List<PtAction>> actions = new LinkedHashMap<>();
    List<PurchaseIntent> listed = new ArrayList<>();
    for (ModelDecision d : plan.models().values()) {
      ModelPool pool = snapshot.pools().get(d.model());
      if (pool == null) {
        continue; // PT list failed: we do not know what exists, so we touch nothing.
      }
      listed.addAll(pool.listedPurchases());
      routes.put(d.model(), new ArrayList<>(pool.routes()));
      plannedAfter.put(d.model(), pool.plannedUnits());
      actions.put(d.model(), commands.models().getOrDefault(d.model(), List.of()));
      ModelConfig m = config.model(d.model());
      List<ProvisionedThroughput> stuck = pool.stuck(m, now);
      // Published every pass (0 included): the pt-stuck-creating alarm watches it.
      telemetry.put("PtStuckCreating", stuck.size(), "Count", Map.of("Model", d.model()));
      for (ProvisionedThroughput pt : stuck) {
        warnings.add(
            String.format(
                "%s: PT %s stuck in Creating since %s (> 2 x %s)",
                d.model(), pt.arn(), pt.createdAt(), m.provisioningTime()));
      }
      for (ProvisionedThroughput pt : pool.failed()) {
        warnings.add(d.model() + ": PT " + pt.arn() + " Failed: " + pt.failureMessage());
      }
    }
    boolean bedrockUpFailed = false;
    try {
      // Their PTs are listed now: never sent again, even once those PTs are deleted.
      for (PurchaseIntent p : listed) {
        try {
          state.forgetPurchase(p.clientRequestToken(), token);
        } catch (CloudException e) {
          // Harmless: a listed purchase is never sent again; a later pass forgets it.
          warnings.add(
              "purchase " + p.name() + " listed, its record kept (" + e.getMessage() + ")");
        }
      }
      for (ModelDecision d : plan.models().values()) {
        if (d.up() && actions.containsKey(d.model())) {
          bedrockUpFailed |= !run(actions.get(d.model()), routes, plannedAfter, now);
        }
      }
      if (commands.ecs() != null) {
        applyEcs(commands.ecs(), bedrockUpFailed, plannedAfter, now);
      }
      for (ModelDecision d : plan.models().values()) {
        if (!d.up() && actions.containsKey(d.model())) {
          run(actions.get(d.model()), routes, plannedAfter, now);
        }
      }
      publishRoutes(snapshot.previousRoutes(), routes, now);
    } catch (StaleFencingTokenException e) {
      failures.add(
          new PassReport.Failure("fencing", CloudException.Kind.CONFLICT, "lease", e.getMessage()));
    }
    DegradationLevel level =
        DegradationLevel.ofPass(
            calls.terminalFailure() || !denied.isEmpty(), snapshot.observation(), config, now);
    if (level == DegradationLevel.ALARM) {
      warnings.add(
          "degraded: alarm — a terminal AWS error (see failures): the denied action was not"
              + " called again this pass and nothing was scaled down for it; the next pass tries"
              + " again");
    } else if (level == DegradationLevel.SCHEDULE_ONLY) {
      warnings.add("degraded: schedule-only — metrics missing or stale, no scale-down");
    }
    emitTelemetry(plan, snapshot, plannedAfter, spend, level);
    PassReport.Outcome outcome =
        !failures.isEmpty()
            ? PassReport.Outcome.FAILED
            : done.isEmpty() ? PassReport.Outcome.NO_CHANGE : PassReport.Outcome.ACTED;
    return new PassReport(now, outcome, holder, token, plan, done, failures, warnings, level);
  }

  /** Runs one model's actions; false when a purchase failed (capacity will fall short). */
  private boolean run(
      List<PtAction> actions,
      Map<String, List<Route>> routes,
      Map<String, Integer> plannedAfter,
      Instant now) {
    boolean purchasesOk = true;
    for (PtAction a : actions) {
      if (a instanceof PtAction.Create c && !purchasesOk) {
        continue; // after AccessDenied or quota, further purchases this pass would fail the same
        // way
      }
      String what = describe(a);
      if (denied.contains(awsActionOf(a))) {
        warnings.add("skipped (denied earlier this pass): " + what);
        continue;
      }
      fence.check();
      try {
        audit(kindOf(a), a.model(), what, now);
        if (a instanceof PtAction.Create c) {
          // Durable before the call, under the lease: whatever happens to the call or to this
          // process, a later pass — this controller's or the next holder's — sends this same
          // request again until its PT is listed (PoolPlanner). A holder that lost the lease
          // records nothing.
          state.recordPurchase(
              new PurchaseIntent(
                  c.model(),
                  c.name(),
                  c.units(),
                  c.clientRequestToken(),
                  now,
                  now.plus(PoolPlanner.RESEND_WINDOW)),
              token);
        }
      } catch (CloudException e) {
        // The state table failed (or lost its answer): not sent, named, and — for a purchase —
        // no further purchase this pass. A record that did go in is re-sent by a later pass.
        fail(what, e, a.model(), now);
        purchasesOk &= !(a instanceof PtAction.Create);
        continue;
      }
      try {
        fence.check();
        perform(a, routes.get(a.model()), now);
        done.add(what);
        plannedAfter.merge(a.model(), delta(a), Integer::sum);
      } catch (CloudException e) {
        if (a instanceof PtAction.Delete && e.kind() == CloudException.Kind.NOT_FOUND) {
          routes.get(a.model()).removeIf(r -> r.arn().equals(((PtAction.Delete) a).arn()));
          warnings.add(a.model() + ": " + ((PtAction.Delete) a).arn() + " already gone");
          continue;
        }
        fail(what, e, a.model(), now);
        if (a instanceof PtAction.Create) {
          purchasesOk = false;
          if (e.kind() == CloudException.Kind.QUOTA_EXCEEDED) {
            telemetry.put("QuotaExceeded", 1, "Count", Map.of("Model", a.model()));
          }
        }
      }
    }
    return purchasesOk;
  }

  private void perform(PtAction a, List<Route> routes, Instant now) {
    if (a instanceof PtAction.Create c) {
      ModelConfig m = config.model(c.model());
      cloud
          .bedrock()
          .create(
              new CreatePtRequest(
                  c.name(),
                  m.modelId(),
                  c.units(),
                  c.clientRequestToken(),
                  ProvisionedThroughput.tagsFor(
                      config.name(),
                      config.aws().stateTable(),
                      c.model(),
                      c.clientRequestToken())));
    } else if (a instanceof PtAction.Drain d) {
      routes.replaceAll(r -> r.arn().equals(d.arn()) ? new Route(r.arn(), r.units(), now) : r);
    } else if (a instanceof PtAction.Undrain u) {
      routes.replaceAll(r -> r.arn().equals(u.arn()) ? new Route(r.arn(), r.units(), null) : r);
    } else if (a instanceof PtAction.Delete d) {
      cloud.bedrock().delete(d.arn());
      routes.removeIf(r -> r.arn().equals(d.arn()));
    }
  }

  private void applyEcs(
      Commands.EcsChange ecs,
      boolean bedrockUpFailed,
      Map<String, Integer> plannedAfter,
      Instant now) {
    int target = ecs.to();
    if (bedrockUpFailed && target > ecs.from()) {
      double servable = 0;
      for (String key : config.modelKeys()) {
        servable +=
            UnitSizing.servingCapacity(config.model(key), plannedAfter.getOrDefault(key, 0));
      }
      int cap = (int) Math.ceil(servable / config.ecs().tokensPerSecondPerTask() - 1e-9);
      // Hold tasks to what the Bedrock capacity that exists can serve, but a fault never scales
      // down.
      int capped = Math.max(ecs.from(), Math.min(target, cap));
      if (capped < target) {
        warnings.add(
            String.format(
                "ECS held at %d tasks (wanted %d): Bedrock scale-up failed, capacity serves %d tasks",
                capped, target, cap));
      }
      target = capped;
    }
    if (target == ecs.from()) {
      return;
    }
    String what = setTasks(ecs.from(), target);
    fence.check();
    try {
      audit("set-ecs", "ecs", what, now);
      fence.check();
      cloud.ecs().setTasks(config.ecs().cluster(), config.ecs().service(), target);
      done.add(what);
    } catch (CloudException e) {
      fail(what, e, "ecs", now);
    }
  }

  private void publishRoutes(RouteTable previous, Map<String, List<Route>> routes, Instant now) {
    Map<String, ModelRoutes> models = new LinkedHashMap<>();
    for (String key : config.modelKeys()) {
      List<Route> r = routes.get(key);
      if (r == null) {
        // Unknown this pass: republish what callers had rather than dropping the model.
        if (previous != null && previous.models().containsKey(key)) {
          models.put(key, previous.models().get(key));
        }
        continue;
      }
      models.put(key, new ModelRoutes(config.model(key).modelId(), r));
    }
    if (previous != null && previous.models().equals(models)) {
      return;
    }
    try {
      fence.check(); // a drain takes effect here: callers stop using the PT
      cloud.routes().publish(new RouteTable(config.name(), now, models));
    } catch (CloudException e) {
      fail("publish routing table", e, "routes", now);
    }
  }

  private void emitTelemetry(
      Plan plan,
      Snapshot snapshot,
      Map<String, Integer> plannedAfter,
      Spend spend,
      DegradationLevel level) {
    int mismatch = 0;
    for (ModelDecision d : plan.models().values()) {
      ModelConfig m = config.model(d.model());
      ModelState s = snapshot.observation().models().get(d.model());
      Map<String, String> dim = Map.of("Model", d.model());
      double provisioned = s.inServiceUnits() * m.tokensPerSecondPerUnit();
      double observed = s.demand() == null ? Double.NaN : s.demand().recentAt(0);
      telemetry.put("TargetUnits", d.targetUnits(), "Count", dim);
      telemetry.put("InServiceUnits", s.inServiceUnits(), "Count", dim);
      telemetry.put("ProvisionedTps", provisioned, "Count/Second", dim);
      if (!Double.isNaN(observed)) {
        telemetry.put("ObservedTps", observed, "Count/Second", dim);
        if (provisioned > 0) {
          telemetry.put(
              "WasteRatio", 1 - Math.min(observed, provisioned) / provisioned, "None", dim);
        }
      }
      if (plannedAfter.getOrDefault(d.model(), 0) < d.targetUnits()) {
        mismatch++;
      }
    }
    if (snapshot.observation().ecs() != null) {
      telemetry.put("EcsDesired", snapshot.observation().ecs().desired(), "Count", Map.of());
      telemetry.put("EcsRunning", snapshot.observation().ecs().running(), "Count", Map.of());
    }
    telemetry.put("PlannedHourlyUsd", spend.plannedHourlyUsd(), "None", Map.of());
    if (spend.capped()) {
      telemetry.put("BudgetUsedPercent", spend.usedPercent(), "Percent", Map.of());
      telemetry.put("BudgetAlertLevel", spend.alertLevel(), "None", Map.of());
    }
    telemetry.put("DegradationLevel", level.metric(), "None", Map.of());
    telemetry.put("CapacityMismatch", mismatch, "Count", Map.of());
    telemetry.put("ReconcileErrors", failures.size(), "Count", Map.of());
    telemetry.put("Heartbeat", 1, "Count", Map.of());
    telemetry.flush();
  }

  private void audit(String kind, String target, String detail, Instant now) {
    state.appendAudit(
        new AuditEntry(now == null ? Instant.EPOCH : now, holder, kind, target, detail, token));
  }

  private void fail(String step, CloudException e, String target, Instant now) {
    failures.add(new PassReport.Failure(step, e.kind(), e.action(), e.getMessage()));
    if (e.terminal()) {
      denied.add(e.action());
    }
    try {
      audit("failed", target, step + ": " + e.getMessage(), now);
    } catch (RuntimeException ignored) {
      // The failure is already in the report; an audit outage must not hide it.
    }
  }

  private static int delta(PtAction a) {
    if (a instanceof PtAction.Create c) {
      return c.units();
    } else if (a instanceof PtAction.Undrain u) {
      return u.units();
    } else if (a instanceof PtAction.Drain d) {
      return -d.units();
    }
    PtAction.Delete d = (PtAction.Delete) a;
    return d.wasPlanned() ? -d.units() : 0;
  }

  /** The AWS action {@code a} calls; drains and undrains only change the routing table. */
  private static String awsActionOf(PtAction a) {
    if (a instanceof PtAction.Create) {
      return AwsAction.BEDROCK_CREATE_PT.iamAction();
    } else if (a instanceof PtAction.Delete) {
      return AwsAction.BEDROCK_DELETE_PT.iamAction();
    }
    return "routing";
  }

  private static String kindOf(PtAction a) {
    if (a instanceof PtAction.Create) {
      return "create-pt";
    } else if (a instanceof PtAction.Drain) {
      return "drain-pt";
    } else if (a instanceof PtAction.Undrain) {
      return "undrain-pt";
    }
    return "delete-pt";
  }

  static String setTasks(int from, int to) {
    return "set ECS tasks " + from + " -> " + to;
  }

  // Concatenation, not String.format: actions are described several times a pass and the
  // simulator runs 200,000 passes; a format string is parsed on every call.
  static String describe(PtAction a) {
    if (a instanceof PtAction.Create c) {
      return "create "
          + c.model()
          + " PT "
          + c.name()
          + " ("
          + c.units()
          + (c.units() == 1 ? " unit" : " units")
          + (c.firstSent() == null
              ? ""
              : ", sent again with its first token: first sent "
                  + c.firstSent()
                  + ", not listed yet")
          + ")";
    } else if (a instanceof PtAction.Drain d) {
      return "drain " + d.model() + " PT " + d.arn() + " (" + d.units() + " units)";
    } else if (a instanceof PtAction.Undrain u) {
      return "undrain " + u.model() + " PT " + u.arn() + " (" + u.units() + " units)";
    }
    PtAction.Delete d = (PtAction.Delete) a;
    return "delete " + d.model() + " PT " + d.arn() + " (" + d.units() + " units, " + d.why() + ")";
  }
}
