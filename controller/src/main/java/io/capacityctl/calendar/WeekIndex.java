package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ScheduleCoverage;
import io.capacityctl.config.ScheduleWindow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A config's schedule as arrays: the window of each local minute of the week and each window's
 * value per model. Immutable, so calendars with different extra events share one.
 */
final class WeekIndex {
  final ScheduleWindow[] windows;
  final int[] windowByMinute;
  // [model][window]: the window's units or expected tps, NaN for the kind it does not give.
  final double[][] units;
  final double[][] tps;
  private final Map<String, Integer> modelIndex = new HashMap<>();
  private final String configName;

  WeekIndex(CapacityConfig config) {
    configName = config.name();
    windows = config.schedule().toArray(new ScheduleWindow[0]);
    ScheduleCoverage coverage = ScheduleCoverage.of(config.schedule());
    // Loaded configs are valid; this catches a CapacityConfig built by hand with gaps or overlaps.
    List<ScheduleCoverage.Problem> problems = coverage.problems();
    if (!problems.isEmpty()) {
      ScheduleCoverage.Problem p = problems.get(0);
      throw new IllegalArgumentException(
          "schedule of config "
              + configName
              + " covers "
              + p.range()
              + (p.windows().isEmpty() ? " with no window" : " with several windows"));
    }
    windowByMinute = new int[ScheduleCoverage.MINUTES_PER_WEEK];
    for (int m = 0; m < windowByMinute.length; m++) {
      windowByMinute[m] = coverage.windowAt(m);
    }
    List<String> keys = config.modelKeys();
    units = new double[keys.size()][windows.length];
    tps = new double[keys.size()][windows.length];
    for (int m = 0; m < keys.size(); m++) {
      modelIndex.put(keys.get(m), m);
      for (int w = 0; w < windows.length; w++) {
        Integer u = windows[w].units().get(keys.get(m));
        Double d = windows[w].expectedTps().get(keys.get(m));
        units[m][w] = u == null ? Double.NaN : u;
        tps[m][w] = d == null ? Double.NaN : d;
      }
    }
  }

  /** The model's row in {@link #units} and {@link #tps}. */
  int indexOf(String model) {
    Integer m = modelIndex.get(model);
    if (m == null) {
      throw new IllegalArgumentException("unknown model '" + model + "' in config " + configName);
    }
    return m;
  }
}
