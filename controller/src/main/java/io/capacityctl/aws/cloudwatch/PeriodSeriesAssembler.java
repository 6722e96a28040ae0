package io.capacityctl.aws.cloudwatch;

import io.capacityctl.aws.cloudwatch.MetricQuery.Field;
import io.capacityctl.ports.PeriodSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds per-query datapoints into per-model, per-period sums, and marks the periods where a source
 * reported only part of its token metrics: for one model id or PT ARN, input tokens without output
 * tokens (or the reverse). Such a period is partial ({@link PeriodSeries#partial}), never a sum of
 * what happened to arrive: read as a value it would be a drop in traffic that did not happen.
 */
final class PeriodSeriesAssembler {
  private final Map<String, MetricQuery> queriesById = new LinkedHashMap<>();
  private final Map<String, double[][]> byModel = new LinkedHashMap<>();
  // Per token query, the periods it reported.
  private final Map<String, BitSet> reported = new HashMap<>();
  private final Instant start;
  private final int periodSeconds;
  private final int periods;

  PeriodSeriesAssembler(List<MetricQuery> queries, Instant start, int periodSeconds, int periods) {
    this.start = start;
    this.periodSeconds = periodSeconds;
    this.periods = periods;
    for (MetricQuery q : queries) {
      queriesById.put(q.id(), q);
      byModel.computeIfAbsent(q.modelKey(), k -> nanArrays(periods));
      if (q.field() == Field.TOKENS) {
        reported.put(q.id(), new BitSet(periods));
      }
    }
  }

  /** Adds one query's datapoints (timestamps are the starts of their periods). */
  void add(String queryId, List<Instant> timestamps, List<Double> values) {
    MetricQuery q = queriesById.get(queryId);
    if (q == null) {
      throw new IllegalStateException("GetMetricData returned unknown query id " + queryId);
    }
    double[] target = byModel.get(q.modelKey())[q.field().ordinal()];
    BitSet seen = reported.get(queryId);
    for (int i = 0; i < timestamps.size(); i++) {
      long index = Duration.between(start, timestamps.get(i)).toSeconds() / periodSeconds;
      Double v = values.get(i);
      if (index < 0 || index >= periods || v == null || v.isNaN()) {
        continue;
      }
      int p = (int) index;
      double prior = Double.isNaN(target[p]) ? 0 : target[p];
      target[p] = prior + q.countOver(v, periodSeconds);
      if (seen != null) {
        seen.set(p);
      }
    }
  }

  /** Per model, in the order given, its periods. */
  Map<String, PeriodSeries> series(List<String> modelKeys) {
    Map<String, PeriodSeries> out = new LinkedHashMap<>();
    for (String key : modelKeys) {
      double[][] a = byModel.getOrDefault(key, nanArrays(periods));
      out.put(
          key,
          new PeriodSeries(
              start,
              periodSeconds,
              a[Field.TOKENS.ordinal()],
              a[Field.INVOCATIONS.ordinal()],
              a[Field.THROTTLES.ordinal()],
              partial(key)));
    }
    return out;
  }

  /**
   * The periods where, for one dimension value of the model, some token metrics reported and others
   * did not.
   */
  private BitSet partial(String modelKey) {
    Map<String, BitSet> any = new LinkedHashMap<>();
    Map<String, BitSet> all = new LinkedHashMap<>();
    for (MetricQuery q : queriesById.values()) {
      BitSet seen = reported.get(q.id());
      if (seen == null || !q.modelKey().equals(modelKey)) {
        continue;
      }
      any.computeIfAbsent(q.dimensionValue(), d -> new BitSet(periods)).or(seen);
      all.merge(q.dimensionValue(), (BitSet) seen.clone(), (x, y) -> and(x, y));
    }
    BitSet partial = new BitSet(periods);
    any.forEach(
        (dimension, some) -> {
          BitSet missing = (BitSet) some.clone();
          missing.andNot(all.get(dimension));
          partial.or(missing);
        });
    return partial;
  }

  private static BitSet and(BitSet x, BitSet y) {
    x.and(y);
    return x;
  }

  private static double[][] nanArrays(int n) {
    double[][] arrays = new double[Field.values().length][n];
    for (double[] a : arrays) {
      Arrays.fill(a, Double.NaN);
    }
    return arrays;
  }
}
