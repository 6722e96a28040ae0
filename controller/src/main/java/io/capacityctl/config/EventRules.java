package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration file's event rules for events from elsewhere: {@code events add}'s options and
 * the state table's items go through the very readers the file's {@code events} list does, so
 * nothing reaches a calendar that {@code validate} would refuse.
 */
public final class EventRules {
  /** The keys of an event, as in the file. */
  public static final List<String> KEYS =
      List.of("name", "cron", "start", "duration", "multiplier", "leadTime", "models");

  private EventRules() {}

  /**
   * Reads an event given as text, e.g. command-line options.
   *
   * @param fields key (one of {@link #KEYS}) to its text, or to a list of texts for {@code models};
   *     a null or absent value is not given
   * @param source names the input in errors; each error's field is the key
   * @throws ConfigException listing every problem, field by field
   */
  public static EventSpec read(Map<String, ?> fields, Set<String> models, String source)
      throws ConfigException {
    LinkedHashMap<String, YamlNode> nodes = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          if (value instanceof List<?> list) {
            List<YamlNode> items = new ArrayList<>();
            list.forEach(v -> items.add(YamlNode.scalar(key, 0, String.valueOf(v))));
            nodes.put(key, YamlNode.list(key, 0, items));
          } else if (value != null) {
            nodes.put(key, YamlNode.scalar(key, 0, value.toString()));
          }
        });
    Problems problems = new Problems(source);
    EventSpec e = EventReader.event(models).read(YamlNode.map("", 0, nodes), problems);
    problems.throwIfAny();
    return e;
  }

  /**
   * Why {@code event} (built elsewhere, e.g. read from the state table) is invalid; empty if not.
   */
  public static List<ConfigError> problems(EventSpec event, Set<String> models, String source) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", event.name());
    fields.put("cron", event.cron());
    fields.put("start", event.start());
    fields.put("duration", event.duration());
    fields.put("multiplier", Double.toString(event.multiplier()));
    fields.put("leadTime", event.leadTime());
    fields.put(
        "models", event.models().isEmpty() ? null : event.models().stream().sorted().toList());
    try {
      read(fields, models, source);
      return List.of();
    } catch (ConfigException e) {
      return e.errors();
    }
  }

  /**
   * Why a calendar of {@code events} (the file's and the added ones, each valid) is refused, or
   * null: too many events, or recurring events that fire too often together.
   */
  public static String calendarProblem(List<EventSpec> events) {
    if (events.size() > Limits.MAX_EVENTS) {
      return tooMany(events.size());
    }
    int at = firstOverDailyOccurrences(events);
    return at < 0 ? null : overDailyOccurrences(events.subList(0, at + 1));
  }

  static String tooMany(int n) {
    return n
        + " events; at most "
        + Limits.MAX_EVENTS
        + " in a calendar (the file's and those added with events add): remove past ones";
  }

  /**
   * The index of the event with which the recurring events fire more than {@value
   * Limits#MAX_OCCURRENCES_PER_DAY} times a day together, or -1.
   */
  static int firstOverDailyOccurrences(List<EventSpec> events) {
    int perDay = 0;
    for (int i = 0; i < events.size(); i++) {
      String cron = events.get(i).cron();
      if (cron != null) {
        perDay += Recurrence.of(cron).timesPerDay();
        if (perDay > Limits.MAX_OCCURRENCES_PER_DAY) {
          return i;
        }
      }
    }
    return -1;
  }

  static String overDailyOccurrences(List<EventSpec> upToIt) {
    int perDay =
        upToIt.stream()
            .filter(e -> e.cron() != null)
            .mapToInt(e -> Recurrence.of(e.cron()).timesPerDay())
            .sum();
    return "with this event the recurring events fire up to "
        + perDay
        + " times a day together; at most "
        + Limits.MAX_OCCURRENCES_PER_DAY
        + " (once every 15 minutes): give a level that recurs more often as a schedule window";
  }
}
