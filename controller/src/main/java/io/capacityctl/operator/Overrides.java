package io.capacityctl.operator;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.Durations;
import io.capacityctl.config.Limits;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.config.Texts;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Operators' overrides: checked, stored in the state table (every mode's planner applies the active
 * ones on its next pass) and audited with the caller's identity. A refused request changes nothing.
 */
public final class Overrides {
  /** The longest override: a week, so a forgotten one cannot pin capacity for a month. */
  public static final Duration MAX_DURATION = Duration.ofDays(7);

  private final CapacityConfig config;
  private final StateStore state;
  private final CallerIdentity caller;
  private final Clock clock;

  public Overrides(CapacityConfig config, StateStore state, CallerIdentity caller, Clock clock) {
    this.config = config;
    this.state = state;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * Sets (replaces) the override of one target.
   *
   * @param target a model key or {@link CapacityOverride#ECS}
   * @param amount units or tasks; ignored when {@code pause}
   * @throws RefusedException naming the option at fault; nothing is stored
   */
  public CapacityOverride set(
      String target, int amount, boolean pause, Duration duration, String reason) {
    requireReason(reason);
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new RefusedException(
          "--for",
          "must be a positive duration, got "
              + (duration == null ? "none" : Durations.format(duration)));
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      throw new RefusedException(
          "--for",
          "at most "
              + MAX_DURATION.toDays()
              + " days ("
              + Durations.format(MAX_DURATION)
              + "), got "
              + Durations.format(duration));
    }
    if (!pause) {
      checkAmount(target, amount);
    } else {
      checkTarget(target);
    }
    String who = caller.arn();
    Instant now = clock.instant();
    CapacityOverride o =
        new CapacityOverride(
            target, pause ? 0 : amount, pause, now, now.plus(duration), reason, who);
    // Written first, audited after: the audit log never records what the table refused.
    state.putOverride(o);
    state.appendAudit(
        new AuditEntry(now, who, "override-set", target, describe(o) + ": " + reason, 0));
    return o;
  }

  /** Overrides in force now. */
  public List<CapacityOverride> active() {
    return state.activeOverrides(clock.instant());
  }

  /**
   * Removes a target's override.
   *
   * @return false when it had none (nothing is audited then)
   */
  public boolean clear(String target, String reason) {
    requireReason(reason);
    checkTarget(target);
    Instant now = clock.instant();
    if (state.activeOverrides(now).stream().noneMatch(o -> o.target().equals(target))) {
      return false;
    }
    if (!state.clearOverride(target)) {
      return false;
    }
    state.appendAudit(
        new AuditEntry(now, caller.arn(), "override-clear", target, "cleared: " + reason, 0));
    return true;
  }

  /** What an override does, in words. */
  public static String describe(CapacityOverride o) {
    String what =
        o.pause()
            ? "pause " + o.target()
            : o.target().equals(CapacityOverride.ECS)
                ? "ecs " + o.amount() + " tasks"
                : o.target() + " " + o.amount() + " units";
    return what + " until " + o.expiresAt();
  }

  private void checkAmount(String target, int amount) {
    checkTarget(target);
    if (target.equals(CapacityOverride.ECS)) {
      int max = config.ecs().maxTasks();
      if (amount < 0 || amount > max) {
        throw new RefusedException(
            "--tasks", "must be between 0 and ecs.maxTasks (" + max + "), got " + amount);
      }
    } else {
      ModelConfig m = config.model(target);
      if (amount < 0 || amount > m.maxUnits()) {
        throw new RefusedException(
            "--units",
            "must be between 0 and models."
                + target
                + ".maxUnits ("
                + m.maxUnits()
                + "), got "
                + amount);
      }
    }
  }

  private void checkTarget(String target) {
    if (target.equals(CapacityOverride.ECS)) {
      if (config.ecs() == null) {
        throw new RefusedException("--ecs", config.source() + " has no ecs section");
      }
    } else if (!config.models().containsKey(target)) {
      throw new RefusedException(
          "--model", "unknown model '" + target + "'; models: " + config.modelKeys());
    }
  }

  /** A reason is one line of plain text: it is stored, audited and shown on terminals. */
  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new RefusedException("--reason", "required: say why, it goes into the audit log");
    }
    String problem = Texts.problemWith(reason, Limits.MAX_REASON_CHARS);
    if (problem != null) {
      throw new RefusedException("--reason", problem);
    }
  }
}
