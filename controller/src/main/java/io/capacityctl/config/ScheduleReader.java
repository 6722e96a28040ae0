package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the {@code schedule} list and checks that its windows cover every minute exactly once. */
final class ScheduleReader {
  private ScheduleReader() {}

  static Reader<List<ScheduleWindow>> windows(Set<String> models) {
    Reader<List<ScheduleWindow>> list = Lists.of(window(models));
    return (node, problems) -> {
      if (node.isList() && node.items().size() > Limits.MAX_WINDOWS) {
        problems.at(
            node, node.items().size() + " windows; at most " + Limits.MAX_WINDOWS + " per config");
        return List.of();
      }
      int before = problems.count();
      List<ScheduleWindow> windows = list.read(node, problems);
      // Coverage of half-read windows would only repeat their errors as gaps.
      if (problems.count() == before) {
        reportCoverage(node, windows, problems);
      }
      return windows;
    };
  }

  private static Reader<ScheduleWindow> window(Set<String> models) {
    return Fields.map(
        f -> {
          LocalTime from = f.required("from", Scalars.timeOfDay());
          LocalTime to = f.required("to", Scalars.timeOfDay());
          List<DayOfWeek> days = f.optional("days", Lists.nonEmpty(Scalars.dayOfWeek()), List.of());
          Map<String, Integer> units =
              f.optional("units", perModel(models, Scalars.whole(Limits.UNITS)), Map.of());
          Map<String, Double> tps =
              f.optional("expectedTps", perModel(models, Scalars.number(Limits.TPS)), Map.of());
          if (f.has("units") == f.has("expectedTps")) {
            f.error(null, "give exactly one of 'units' or 'expectedTps'");
          }
          Set<DayOfWeek> daySet = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
          return new ScheduleWindow(from, to, daySet, units, tps, f.node().line());
        });
  }

  /**
   * A value for every model: a model left out would silently get nothing in that window, so each
   * window must name each model (0 where it wants none).
   */
  private static <T> Reader<Map<String, T>> perModel(Set<String> models, Reader<T> value) {
    return (node, problems) -> {
      Map<String, T> values = new LinkedHashMap<>();
      if (!node.isMap()) {
        problems.at(node, "expected a map of model to value, got " + Reader.shapeOf(node));
        return values;
      }
      node.fields()
          .forEach(
              (model, v) -> {
                if (models.contains(model)) {
                  values.put(model, value.read(v, problems));
                } else if (!models.isEmpty()) { // no models: that error is reported already
                  problems.at(v, unknownModel(model, models));
                }
              });
      for (String model : models) {
        if (!node.fields().containsKey(model)) {
          problems.add(
              node.line(),
              node.path() + "." + model,
              "missing model '" + model + "': every window must give every model (0 for none)");
        }
      }
      return values;
    };
  }

  static String unknownModel(String model, Set<String> models) {
    return "unknown model '"
        + model
        + "'"
        + Suggestions.hint(model, models)
        + "; models are "
        + String.join(", ", models);
  }

  private static void reportCoverage(
      YamlNode schedule, List<ScheduleWindow> windows, Problems problems) {
    for (ScheduleCoverage.Problem p : ScheduleCoverage.of(windows).problems()) {
      if (p.windows().isEmpty()) {
        problems.add(
            schedule.line(),
            schedule.path(),
            p.range() + " is not covered by any window; every minute of every day needs one");
      } else {
        int last = p.windows().get(p.windows().size() - 1);
        String clashing =
            p.windows().stream()
                .map(w -> "line " + windows.get(w).line() + " (" + schedule.path() + "[" + w + "])")
                .collect(Collectors.joining(", "));
        problems.add(
            windows.get(last).line(),
            schedule.path() + "[" + last + "]",
            p.range() + " is covered by more than one window: " + clashing);
      }
    }
  }
}
