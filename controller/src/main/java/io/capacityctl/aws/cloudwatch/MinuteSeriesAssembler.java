package io.capacityctl.aws.cloudwatch;

import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.PartialMinutes;
import io.capacityctl.ports.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds per-query datapoints into per-model minute arrays over one window, then cuts the window into
 * the requested ranges. A minute stays NaN until some query reports a datapoint for it, so a
 * missing minute is never read as zero traffic; and a minute that one of the model's series (a
 * dimension value: the on-demand model id, a PT ARN) has not reported yet, or one of its token
 * metrics has not, is NaN too ({@link PartialMinutes}).
 */
final class MinuteSeriesAssembler {
  private final Map<String, MetricQuery> queriesById = new HashMap<>();
  private final Map<String, double[][]> byModel = new LinkedHashMap<>();
  // Per model, per series (dimension value), the window index of its newest datapoint.
  private final Map<String, Map<String, Integer>> newestByModel = new HashMap<>();
  // Per model, per series, per token metric (InputTokenCount, OutputTokenCount), the window index
  // of its newest datapoint. CloudWatch lands a series' metrics independently: a minute whose input
  // tokens are in and output tokens are not is part of its demand, so it is not reported yet, for
  // as long as the input tokens are ahead (PartialMinutes: complete and newest minute).
  private final Map<String, Map<String, Map<String, Integer>>> newestTokensByModel =
      new HashMap<>();
  private final Instant start;
  private final int minutes;

  MinuteSeriesAssembler(List<MetricQuery> queries, Instant start, int minutes) {
    this.start = start;
    this.minutes = minutes;
    for (MetricQuery q : queries) {
      queriesById.put(q.id(), q);
      byModel.computeIfAbsent(q.modelKey(), k -> nanArrays(minutes));
      newestByModel
          .computeIfAbsent(q.modelKey(), k -> new LinkedHashMap<>())
          .putIfAbsent(q.dimensionValue(), -1);
    }
  }

  /** Adds one query's datapoints (timestamps are the starts of their minutes). */
  void add(String queryId, List<Instant> timestamps, List<Double> values) {
    MetricQuery q = queriesById.get(queryId);
    if (q == null) {
      throw new IllegalStateException("GetMetricData returned unknown query id " + queryId);
    }
    double[] target = byModel.get(q.modelKey())[q.field().ordinal()];
    int newest = -1;
    for (int i = 0; i < timestamps.size(); i++) {
      long index = Duration.between(start, timestamps.get(i)).toMinutes();
      Double v = values.get(i);
      if (index < 0 || index >= minutes || v == null || v.isNaN()) {
        continue;
      }
      int m = (int) index;
      double prior = Double.isNaN(target[m]) ? 0 : target[m];
      target[m] = prior + v * q.scale();
      newest = Math.max(newest, m);
    }
    newestByModel.get(q.modelKey()).merge(q.dimensionValue(), newest, Math::max);
    if (q.field() == MetricQuery.Field.TOKENS) {
      newestTokensByModel
          .computeIfAbsent(q.modelKey(), k -> new HashMap<>())
          .computeIfAbsent(q.dimensionValue(), k -> new HashMap<>())
          .merge(q.metricName(), newest, Math::max);
    }
  }

  /**
   * A series' newest complete minute and its newest minute, as window indexes ({@link
   * PartialMinutes}): the oldest and the newest of its token metrics' newest datapoints, counting
   * only the token metrics that reported at least once in the window (an embedding model publishes
   * no OutputTokenCount at all, and a metric never seen cannot be told late); for a series without
   * token datapoints (the custom source's Bedrock series), both its newest datapoint of any metric.
   * Invocations and throttles do not count otherwise: throttles are reported only when they happen,
   * and the demand the planner reads is the tokens.
   */
  private int[] completeAndNewest(String modelKey, String series, int newestOfAny) {
    Map<String, Integer> tokens =
        newestTokensByModel.getOrDefault(modelKey, Map.of()).getOrDefault(series, Map.of());
    int complete = Integer.MAX_VALUE;
    int newest = -1;
    for (int n : tokens.values()) {
      if (n >= 0) {
        complete = Math.min(complete, n);
        newest = Math.max(newest, n);
      }
    }
    return newest < 0 ? new int[] {newestOfAny, newestOfAny} : new int[] {complete, newest};
  }

  /**
   * Per model, one series per range, in the order given.
   *
   * @param serving per model, the series (PT ARNs) that serve callers now; null for the sums as
   *     they are, without making the minutes a series (or one of its token metrics) has not
   *     reported yet gaps
   */
  Map<String, List<MinuteSeries>> series(
      List<String> modelKeys, List<TimeRange> ranges, Map<String, Set<String>> serving) {
    Map<String, List<MinuteSeries>> out = new LinkedHashMap<>();
    for (String key : modelKeys) {
      double[][] arrays = byModel.getOrDefault(key, nanArrays(minutes));
      Map<String, Integer> series = newestByModel.getOrDefault(key, Map.of());
      int[] complete = new int[series.size()];
      int[] newest = new int[series.size()];
      boolean[] routed = new boolean[series.size()];
      Set<String> servingNow = serving == null ? Set.of() : serving.getOrDefault(key, Set.of());
      int s = 0;
      for (Map.Entry<String, Integer> e : series.entrySet()) {
        int[] reported = completeAndNewest(key, e.getKey(), e.getValue());
        complete[s] = reported[0];
        newest[s] = reported[1];
        routed[s++] = servingNow.contains(e.getKey());
      }
      List<MinuteSeries> list = new ArrayList<>(ranges.size());
      for (TimeRange r : ranges) {
        int from = (int) Duration.between(start, r.from()).toMinutes();
        int to = from + r.minutes();
        double[][] sums = new double[MetricQuery.Field.values().length][];
        for (int f = 0; f < sums.length; f++) {
          sums[f] = Arrays.copyOfRange(arrays[f], from, to);
        }
        if (serving != null) {
          PartialMinutes.blankUnreported(sums, from, complete, newest, routed);
        }
        list.add(
            new MinuteSeries(
                r.from(),
                sums[MetricQuery.Field.TOKENS.ordinal()],
                sums[MetricQuery.Field.INVOCATIONS.ordinal()],
                sums[MetricQuery.Field.THROTTLES.ordinal()]));
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
