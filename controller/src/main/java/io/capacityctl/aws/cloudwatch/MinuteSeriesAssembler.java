package io.capacityctl.aws.cloudwatch;

import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds per-query datapoints into per-model minute arrays over one window, then cuts the window into
 * the requested ranges. A minute stays NaN until some query reports a datapoint for it, so a
 * missing minute is never read as zero traffic.
 */
final class MinuteSeriesAssembler {
  private final Map<String, MetricQuery> queriesById = new HashMap<>();
  private final Map<String, double[][]> byModel = new LinkedHashMap<>();
  private final Instant start;
  private final int minutes;

  MinuteSeriesAssembler(List<MetricQuery> queries, Instant start, int minutes) {
    this.start = start;
    this.minutes = minutes;
    for (MetricQuery q : queries) {
      queriesById.put(q.id(), q);
      byModel.computeIfAbsent(q.modelKey(), k -> nanArrays(minutes));
    }
  }

  /** Adds one query's datapoints (timestamps are the starts of their minutes). */
  void add(String queryId, List<Instant> timestamps, List<Double> values) {
    MetricQuery q = queriesById.get(queryId);
    if (q == null) {
      throw new IllegalStateException("GetMetricData returned unknown query id " + queryId);
    }
    double[] target = byModel.get(q.modelKey())[q.field().ordinal()];
    for (int i = 0; i < timestamps.size(); i++) {
      long index = Duration.between(start, timestamps.get(i)).toMinutes();
      Double v = values.get(i);
      if (index < 0 || index >= minutes || v == null || v.isNaN()) {
        continue;
      }
      int m = (int) index;
      double prior = Double.isNaN(target[m]) ? 0 : target[m];
      target[m] = prior + v * q.scale();
    }
  }

  /** Per model, one series per range, in the order given. */
  Map<String, List<MinuteSeries>> series(List<String> modelKeys, List<TimeRange> ranges) {
    Map<String, List<MinuteSeries>> out = new LinkedHashMap<>();
    for (String key : modelKeys) {
      double[][] arrays = byModel.getOrDefault(key, nanArrays(minutes));
      List<MinuteSeries> list = new ArrayList<>(ranges.size());
      for (TimeRange r : ranges) {
        int from = (int) Duration.between(start, r.from()).toMinutes();
        int to = from + r.minutes();
        list.add(
            new MinuteSeries(
                r.from(),
                Arrays.copyOfRange(arrays[MetricQuery.Field.TOKENS.ordinal()], from, to),
                Arrays.copyOfRange(arrays[MetricQuery.Field.INVOCATIONS.ordinal()], from, to),
                Arrays.copyOfRange(arrays[MetricQuery.Field.THROTTLES.ordinal()], from, to)));
      }
      out.put(key, List.copyOf(list));
    }
    return out;
  }

  private static double[][] nanArrays(int minutes) {
    double[][] arrays = new double[MetricQuery.Field.values().length][minutes];
    for (double[] a : arrays) {
      Arrays.fill(a, Double.NaN);
    }
    return arrays;
  }
}
