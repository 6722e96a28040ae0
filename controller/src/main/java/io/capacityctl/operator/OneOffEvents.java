package io.capacityctl.operator;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events operators add at run time (the runbook's "add a final-chapter event with a 5x
 * multiplier"): kept in the state table, merged with the file's calendar by every mode's next pass,
 * audited with the caller's identity.
 */
public final class OneOffEvents {
  /** Where an event comes from. */
  public enum Source {
    FILE,
    STATE
  }

  /** An event and where it is defined. */
  public record Listed(EventSpec event, Source source) {}

  private final CapacityConfig config;
  private final StateStore state;
  private final CallerIdentity caller;
  private final Clock clock;

  public OneOffEvents(CapacityConfig config, StateStore state, CallerIdentity caller, Clock clock) {
    this.config = config;
    this.state = state;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * Adds (or replaces) an event.
   *
   * @throws RefusedException naming the option at fault; nothing is stored
   */
  public void add(EventSpec e) {
    if (e.name() == null || e.name().isBlank()) {
      throw new RefusedException("--name", "required");
    }
    if (config.events().stream().anyMatch(f -> f.name().equals(e.name()))) {
      throw new RefusedException(
          "--name", "'" + e.name() + "' is defined in " + config.source() + "; pick another name");
    }
    if ((e.cron() == null) == (e.start() == null)) {
      throw new RefusedException("--start", "give exactly one of --start (one-off) or --cron");
    }
    if (e.duration() == null || e.duration().isNegative() || e.duration().isZero()) {
      throw new RefusedException("--duration", "must be a positive duration");
    }
    if (!(e.multiplier() > 0)) {
      throw new RefusedException("--multiplier", "must be > 0, got " + e.multiplier());
    }
    if (e.leadTime().isNegative()) {
      throw new RefusedException("--lead-time", "must not be negative");
    }
    for (String m : e.models()) {
      if (!config.models().containsKey(m)) {
        throw new RefusedException(
            "--models", "unknown model '" + m + "'; models: " + config.modelKeys());
      }
    }
    try {
      CapacityCalendar.of(config).withExtraEvents(List.of(e)); // compiles the cron expression
    } catch (IllegalArgumentException ex) {
      throw new RefusedException("--cron", ex.getMessage());
    }
    String who = caller.arn();
    Instant now = clock.instant();
    state.appendAudit(new AuditEntry(now, who, "event-add", "events", describe(e), 0));
    state.putEvent(e);
  }

  /** The file's events, then those added at run time. */
  public List<Listed> list() {
    List<Listed> out =
        new ArrayList<>(config.events().stream().map(e -> new Listed(e, Source.FILE)).toList());
    state.extraEvents().forEach(e -> out.add(new Listed(e, Source.STATE)));
    return out;
  }

  /**
   * Removes an added event.
   *
   * @return false when no added event has that name
   * @throws RefusedException for an event defined in the config file
   */
  public boolean remove(String name) {
    if (config.events().stream().anyMatch(f -> f.name().equals(name))) {
      throw new RefusedException(
          "--name", "'" + name + "' is defined in " + config.source() + "; edit the file");
    }
    if (state.extraEvents().stream().noneMatch(e -> e.name().equals(name))) {
      return false;
    }
    String who = caller.arn();
    state.appendAudit(
        new AuditEntry(clock.instant(), who, "event-remove", "events", "removed " + name, 0));
    return state.removeEvent(name);
  }

  /** An event in one line. */
  public static String describe(EventSpec e) {
    String when = e.cron() != null ? "cron " + e.cron() : "at " + e.start();
    return String.format(
        "%s %s for %s x%s lead %s%s",
        e.name(),
        when,
        e.duration(),
        e.multiplier(),
        e.leadTime(),
        e.models().isEmpty() ? "" : " models " + e.models().stream().sorted().toList());
  }
}
