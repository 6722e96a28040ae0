package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code events} list: recurring (cron) or one-off (start) traffic events. */
final class EventReader {
  private EventReader() {}

  static Reader<List<EventSpec>> events(Set<String> models) {
    Reader<List<EventSpec>> list = Lists.of(event(models));
    return (node, problems) -> {
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
      return events;
    };
  }

  private static Reader<EventSpec> event(Set<String> models) {
    return Fields.map(
        f -> {
          String name = f.required("name", Scalars.text());
          String cron = f.optional("cron", Scalars.cron(), null);
          OffsetDateTime start = f.optional("start", Scalars.dateTime(), null);
          Duration duration = f.required("duration", Scalars.positiveDuration());
          double multiplier = f.required("multiplier", Scalars.positive());
          Duration leadTime = f.optional("leadTime", Scalars.nonNegativeDuration(), Duration.ZERO);
          List<String> affected = f.optional("models", Lists.nonEmpty(model(models)), List.of());
          if (f.has("cron") == f.has("start")) {
            f.error(null, "give exactly one of 'cron' (recurring) or 'start' (one-off)");
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
