package io.capacityctl.reconcile;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.orphans.FleetReport;
import io.capacityctl.planner.EcsDecision;
import io.capacityctl.planner.ModelDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a pass does, as a value (cf. Karpenter's ComputeCommands, java-operator-sdk's
 * UpdateControl): computed once from an {@link Assessment}, shown, and then executed exactly by
 * {@link Actuator}. {@code apply} shows these, asks, and runs them — or, when a fresh look under
 * the lease would command something else, refuses and says what moved ({@link #movedSince}).
 *
 * <p>The orphan sweep's deletions (PTs of this configuration no model claims, grace period over)
 * are part of them too: they follow from {@code basis.fleet()} ({@link #sweepDeletions}), are shown
 * with the rest, and a fresh look that would delete others refuses the apply like any other move.
 *
 * @param basis the observation and plan they were computed from
 * @param models per model with a pool (its PT list was read), the PT actions, in order
 * @param ecs the ECS change, or null when there is none
 */
public record Commands(Assessment basis, Map<String, List<PtAction>> models, EcsChange ecs) {

  /** ECS desired tasks (or floor) from {@code from} to {@code to}. */
  public record EcsChange(int from, int to) {}

  /** The commands for {@code a}: each model's PT actions to its target, and the ECS change. */
  public static Commands of(CapacityConfig config, Assessment a) {
    PoolPlanner pools =
        new PoolPlanner(config.name(), config.aws().ptNamePrefix(), config.policy());
    Map<String, List<PtAction>> models = new LinkedHashMap<>();
    for (ModelDecision d : a.plan().models().values()) {
      ModelPool pool = a.snapshot().pools().get(d.model());
      if (pool != null) { // PT list failed: we do not know what exists, so we touch nothing.
        models.put(d.model(), pools.actions(pool, d.targetUnits(), a.at()));
      }
    }
    EcsDecision e = a.plan().ecs();
    EcsChange ecs =
        e == null || e.targetTasks() == e.currentTasks()
            ? null
            : new EcsChange(e.currentTasks(), e.targetTasks());
    return new Commands(a, models, ecs);
  }

  public boolean isEmpty() {
    return ecs == null
        && models.values().stream().allMatch(List::isEmpty)
        && sweepDeletions().isEmpty();
  }

  /** The ARNs the orphan sweep deletes with these commands (its retiring PTs now due). */
  public List<String> sweepDeletions() {
    FleetReport fleet = basis.fleet();
    return fleet == null ? List.of() : fleet.due().stream().map(r -> r.pt().arn()).toList();
  }

  /** One line a command, as {@code plan} and {@code apply} show them. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    models.values().forEach(actions -> actions.forEach(a -> lines.add(Actuator.describe(a))));
    if (ecs != null) {
      lines.add(Actuator.setTasks(ecs.from(), ecs.to()));
    }
    return lines;
  }

  /**
   * What differs between {@code shown} and these commands, computed afresh: per model and for ECS,
   * what was shown and what would run now, with the plan's reason now. Empty when the same commands
   * would run (new purchases match by model and units: their names and tokens follow the minute
   * they are computed in, and the shown ones are what runs).
   */
  public List<String> movedSince(Commands shown) {
    List<String> moved = new ArrayList<>();
    for (String model : union(shown.models.keySet(), models.keySet())) {
      List<PtAction> was = shown.models.get(model);
      List<PtAction> now = models.get(model);
      if (!shapes(was).equals(shapes(now))) {
        ModelDecision d = basis.plan().models().get(model);
        moved.add(
            model
                + ": shown "
                + summary(was)
                + ", now "
                + summary(now)
                + (d == null ? "" : " (" + d.reason() + ")"));
      }
    }
    if (!Objects.equals(shown.ecs, ecs)) {
      EcsDecision d = basis.plan().ecs();
      moved.add(
          "ecs: shown "
              + summary(shown.ecs)
              + ", now "
              + summary(ecs)
              + (d == null ? "" : " (" + d.reason() + ")"));
    }
    if (!Set.copyOf(shown.sweepDeletions()).equals(Set.copyOf(sweepDeletions()))) {
      moved.add(
          "orphan sweep: shown "
              + deletions(shown.sweepDeletions())
              + ", now "
              + deletions(sweepDeletions()));
    }
    return moved;
  }

  private static String deletions(List<String> arns) {
    return arns.isEmpty() ? "no deletion" : "delete " + String.join(", ", arns);
  }

  private static List<String> union(Iterable<String> a, Iterable<String> b) {
    List<String> all = new ArrayList<>();
    a.forEach(all::add);
    b.forEach(
        k -> {
          if (!all.contains(k)) {
            all.add(k);
          }
        });
    return all;
  }

  /** The actions as compared: a new purchase by its units, anything else exactly. */
  private static List<Object> shapes(List<PtAction> actions) {
    List<Object> shapes = new ArrayList<>();
    if (actions != null) {
      for (PtAction a : actions) {
        shapes.add(
            a instanceof PtAction.Create c && c.firstSent() == null
                ? "buy " + c.model() + " " + c.units()
                : a);
      }
    }
    return shapes;
  }

  private static String summary(List<PtAction> actions) {
    if (actions == null) {
      return "nothing (PT list unread)";
    }
    if (actions.isEmpty()) {
      return "no change";
    }
    int bought = 0;
    int removed = 0;
    int drained = 0;
    int undrained = 0;
    for (PtAction a : actions) {
      if (a instanceof PtAction.Create c) {
        bought += c.units();
      } else if (a instanceof PtAction.Delete d) {
        removed += d.units();
      } else if (a instanceof PtAction.Drain d) {
        drained += d.units();
      } else if (a instanceof PtAction.Undrain u) {
        undrained += u.units();
      }
    }
    List<String> parts = new ArrayList<>();
    add(parts, "buy", bought);
    add(parts, "undrain", undrained);
    add(parts, "drain", drained);
    add(parts, "delete", removed);
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, String verb, int units) {
    if (units > 0) {
      parts.add(verb + " " + units + (units == 1 ? " unit" : " units"));
    }
  }

  private static String summary(EcsChange e) {
    return e == null ? "no change" : e.from() + " -> " + e.to() + " tasks";
  }
}
