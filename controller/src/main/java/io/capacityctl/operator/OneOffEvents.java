package io.capacityctl.operator;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.EventRules;
import io.capacityctl.config.EventSpec;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * Adds (or replaces) an event given as the command line's text, read by the configuration file's
   * rules (one duration syntax, numbers in their documented ranges, the cron limits).
   *
   * @param fields {@link EventRules#KEYS} to text ({@code models} to a list); {@code start} may
   *     leave out the offset, meaning the configuration's time zone
   * @return the event as stored
   * @throws RefusedException naming the option at fault; nothing is stored or audited
   */
  public EventSpec add(Map<String, ?> fields) {
    Map<String, Object> text = new LinkedHashMap<>(fields);
    if (text.get("start") instanceof String start) {
      text.put("start", withOffset(start));
    }
    EventSpec e;
    try {
      e = EventRules.read(text, config.models().keySet(), "command line");
    } catch (ConfigException ex) {
      throw refused(ex.errors().get(0));
    }
    add(e);
    return e;
  }

  /**
   * Adds (or replaces) an event: it must pass the configuration file's rules, start ahead, and keep
   * the calendar within its limits together with the file's events and those added before.
   *
   * @throws RefusedException naming the option at fault; nothing is stored or audited
   */
  public void add(EventSpec e) {
    List<ConfigError> problems = EventRules.problems(e, config.models().keySet(), "command line");
    if (!problems.isEmpty()) {
      throw refused(problems.get(0));
    }
    if (config.events().stream().anyMatch(f -> f.name().equals(e.name()))) {
      throw new RefusedException(
          "--name", "'" + e.name() + "' is defined in " + config.source() + "; pick another name");
    }
    Instant now = clock.instant();
    if (e.start() != null && e.start().toInstant().isBefore(now)) {
      throw new RefusedException(
          "--start",
          "'"
              + e.start()
              + "' is in the past (it is "
              + now
              + "); an event is added ahead of its start: for capacity now, use override set");
    }
    List<EventSpec> calendar = new ArrayList<>(config.events());
    state.extraEvents().stream().filter(x -> !x.name().equals(e.name())).forEach(calendar::add);
    calendar.add(e);
    String limits = EventRules.calendarProblem(calendar);
    if (limits != null) {
      throw new RefusedException(e.cron() != null ? "--cron" : "--start", limits);
    }
    // Written first, audited after: the audit log never records what the table refused.
    state.putEvent(e);
    state.appendAudit(new AuditEntry(now, caller.arn(), "event-add", "events", describe(e), 0));
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
    if (!state.removeEvent(name)) {
      return false;
    }
    state.appendAudit(
        new AuditEntry(
            clock.instant(), caller.arn(), "event-remove", "events", "removed " + name, 0));
    return true;
  }

  /** The option an error of {@link EventRules#read} is about. */
  private static RefusedException refused(ConfigError error) {
    String field = error.field();
    String key = field.replaceAll("\\[\\d+]$", "");
    String option =
        switch (key) {
          case "leadTime" -> "--lead-time";
          case "name", "cron", "start", "duration", "multiplier", "models" -> "--" + key;
          default -> "--start"; // the event as a whole: neither or both of cron and start
        };
    return new RefusedException(option, error.message());
  }

  /** A start without an offset is in the configuration's time zone, as operators think of it. */
  private String withOffset(String start) {
    try {
      OffsetDateTime.parse(start);
      return start;
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(start).atZone(config.timezone()).toOffsetDateTime().toString();
      } catch (DateTimeParseException e) {
        return start; // the reader says what a date-time looks like
      }
    }
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
