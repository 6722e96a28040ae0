package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code events} list: recurring (cron) or one-off (start) traffic events. The same
 * readers check events given on the command line and read from the state table ({@link
 * EventRules}), so an event is valid by one set of rules wherever it comes from.
 */
final class EventReader {
  private EventReader() {}

  static Reader<List<EventSpec>> events(Set<String> models) {
    Reader<List<EventSpec>> list = Lists.of(event(models));
    return (node, problems) -> {
      // Refused before reading them: ten thousand events are not read one by one.
      if (node.isList() && node.items().size() > Limits.MAX_EVENTS) {
        problems.at(node, EventRules.tooMany(node.items().size()));
        return List.of();
      }
      int before = problems.count();
      List<EventSpec> events = list.read(node, problems);
      // Names identify events in plans, overrides and the audit log.
      Map<String, Integer> firstLine = new HashMap<>();
      for (int i = 0; i < events.size(); i++) {
        YamlNode nameNode = node.items().get(i).get("name");
        String name = events.get(i).name();
        if (nameNode == null || name.isEmpty()) {
          continue;
        }
        Integer first = firstLine.putIfAbsent(name, nameNode.line());
        if (first != null) {
          problems.at(
              nameNode, "duplicate event name '" + name + "' (first at line " + first + ")");
        }
      }
      if (problems.count() == before) {
        int at = EventRules.firstOverDailyOccurrences(events);
        if (at >= 0) {
          YamlNode cron = node.items().get(at).get("cron");
          problems.at(cron, EventRules.overDailyOccurrences(events.subList(0, at + 1)));
        }
      }
      return events;
    };
  }

  static Reader<EventSpec> event(Set<String> models) {
    return Fields.map(
        f -> {
          String name =
              f.required("name", Scalars.freeText("an event name", Limits.MAX_EVENT_NAME_CHARS));
          String cron = f.optional("cron", Scalars.cron(), null);
          OffsetDateTime start = f.optional("start", Scalars.dateTime(), null);
          Duration duration = f.required("duration", Scalars.duration(Limits.EVENT_DURATION));
          double multiplier = f.required("multiplier", Scalars.number(Limits.MULTIPLIER));
          Duration leadTime =
              f.optional("leadTime", Scalars.duration(Limits.LEAD_TIME), Duration.ZERO);
          List<String> affected = f.optional("models", Lists.nonEmpty(model(models)), List.of());
          if (f.has("cron") == f.has("start")) {
            f.error(null, "give exactly one of cron (recurring) or start (one-off)");
          }
          if (cron != null && f.clean()) {
            Duration gap = Recurrence.of(cron).gapShorterThan(duration);
            f.check(
                gap == null,
                "duration",
                f.node().get("duration").scalar()
                    + " is longer than the "
                    + (gap == null ? "" : Durations.format(gap))
                    + " between two occurrences of '"
                    + cron
                    + "': occurrences of one event must not overlap");
          }
          return new EventSpec(
              name, cron, start, duration, multiplier, leadTime, new LinkedHashSet<>(affected));
        });
  }

  private static Reader<String> model(Set<String> models) {
    return Scalars.scalar(
        "a model key",
        "",
        s -> {
          if (!models.contains(s) && !models.isEmpty()) { // no models: reported already
            throw new IllegalArgumentException(ScheduleReader.unknownModel(s, models));
          }
          return s;
        });
  }
}
