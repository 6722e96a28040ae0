package io.capacityctl.backtest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.backtest.Figures;
import io.capacityctl.backtest.PolicyName;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.sim.ModelTotals;
import io.capacityctl.sim.SimulationResult;
import io.capacityctl.sim.TimelineRecorder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the report's charts draw from. Compact, because a 28-day trace has 40,320 minutes per
 * model: demand is shared by both policies and delta-encoded in whole tokens/s; units are stored
 * only where they change; throttled minutes are listed sparsely.
 */
final class ChartData {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param start epoch milliseconds of minute 0
   * @param offsets [minute, UTC offset in minutes] from minute 0 and at each zone transition, so
   *     the page shows local time (DST included) without a time-zone database
   */
  record Data(
      String zone,
      long start,
      int minutes,
      List<int[]> offsets,
      List<String> policies,
      List<Model> models) {}

  /**
   * @param demand tokens/s per minute, rounded; the first value absolute, then differences
   * @param runs per charted policy label
   */
  record Model(
      String key, double tpsPerUnit, double onDemandTps, long[] demand, Map<String, Run> runs) {}

  /**
   * @param units [minute, in-service units] at minute 0 and wherever the count changes
   * @param throttled [minute, throttled tokens/s rounded] for every minute with throttled tokens
   * @param throttledMinutes over the whole trace, as the simulator counted them
   * @param throttledPercent over the whole trace, as the tables print it: the chart shows these two
   *     for the whole trace, so chart and tables agree to the digit
   */
  record Run(
      List<int[]> units, List<long[]> throttled, int throttledMinutes, String throttledPercent) {}

  private ChartData() {}

  static Data of(
      CapacityConfig config, ReportTimelines timelines, Map<PolicyName, SimulationResult> results) {
    TimelineRecorder first = timelines.of(PolicyName.CAPACITYCTL);
    List<Model> models = new ArrayList<>();
    for (String key : config.modelKeys()) {
      ModelConfig m = config.model(key);
      Map<String, Run> runs = new LinkedHashMap<>();
      for (PolicyName p : timelines.charted()) {
        ModelTotals totals = results.get(p).models().get(key);
        runs.put(p.label(), run(series(timelines.of(p), key), totals));
      }
      models.add(
          new Model(
              key,
              m.tokensPerSecondPerUnit(),
              m.onDemandTps(),
              deltas(series(first, key).demand()),
              runs));
    }
    return new Data(
        config.timezone().getId(),
        first.start().toEpochMilli(),
        first.minutes(),
        offsets(config.timezone(), first.start(), first.minutes()),
        timelines.charted().stream().map(PolicyName::label).toList(),
        models);
  }

  /** The data as JSON that is safe inside an HTML {@code <script>} element. */
  static String json(Data data) {
    try {
      // '<' only occurs inside JSON strings, where \u003c is the same character; no "</script>".
      return JSON.writeValueAsString(data).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report data is not serialisable", e);
    }
  }

  private static TimelineRecorder.Series series(TimelineRecorder r, String model) {
    TimelineRecorder.Series s = r.models().get(model);
    if (s == null) {
      throw new IllegalArgumentException("the timeline has no rows for model " + model);
    }
    return s;
  }

  private static Run run(TimelineRecorder.Series s, ModelTotals totals) {
    List<int[]> units = new ArrayList<>();
    List<long[]> throttled = new ArrayList<>();
    int[] inService = s.inService();
    for (int i = 0; i < inService.length; i++) {
      if (i == 0 || inService[i] != inService[i - 1]) {
        units.add(new int[] {i, inService[i]});
      }
      if (s.throttled()[i] > 0) {
        throttled.add(new long[] {i, Math.round(s.throttled()[i])});
      }
    }
    return new Run(
        units,
        throttled,
        totals.throttledMinutes(),
        Figures.throttledPercent(totals.throttledPercent()));
  }

  private static long[] deltas(double[] values) {
    long[] out = new long[values.length];
    long prev = 0;
    for (int i = 0; i < values.length; i++) {
      long v = Math.round(values[i]);
      out[i] = v - prev;
      prev = v;
    }
    return out;
  }

  private static List<int[]> offsets(ZoneId zone, Instant start, int minutes) {
    ZoneRules rules = zone.getRules();
    List<int[]> out = new ArrayList<>();
    out.add(new int[] {0, rules.getOffset(start).getTotalSeconds() / 60});
    Instant end = start.plusSeconds(60L * minutes);
    for (ZoneOffsetTransition t = rules.nextTransition(start);
        t != null && t.getInstant().isBefore(end);
        t = rules.nextTransition(t.getInstant())) {
      // A transition inside a minute takes effect from the next whole minute.
      long seconds = t.getInstant().getEpochSecond() - start.getEpochSecond();
      out.add(new int[] {(int) ((seconds + 59) / 60), t.getOffsetAfter().getTotalSeconds() / 60});
    }
    return out;
  }
}
