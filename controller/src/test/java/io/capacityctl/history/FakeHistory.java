package io.capacityctl.history;

import io.capacityctl.ports.MetricsHistoryApi;
import io.capacityctl.ports.PeriodSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch's history as a backtest sees it, in memory: per model, input and output tokens per
 * minute (NaN: no datapoint) from {@link #start}, summed into whatever period is asked for as
 * GetMetricData sums them. A period where one metric has a datapoint and the other has none is
 * partial, as the real reader marks it. Records every read.
 */
final class FakeHistory implements MetricsHistoryApi {
  final Instant start;
  final int minutes;
  final Map<String, double[]> input = new LinkedHashMap<>();
  final Map<String, double[]> output = new LinkedHashMap<>();
  final List<String> reads = new ArrayList<>();
  private final Map<String, Boolean> gauge = new HashMap<>();

  FakeHistory(Instant start, int minutes) {
    this.start = start;
    this.minutes = minutes;
  }

  /** Tokens/s of each minute, split evenly into input and output tokens. */
  FakeHistory model(String model, double[] tps) {
    double[] in = new double[minutes];
    double[] out = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      in[m] = tps[m] * 60 / 2;
      out[m] = tps[m] * 60 / 2;
    }
    input.put(model, in);
    output.put(model, out);
    return this;
  }

  /** A custom gauge (tokens/s, read as the period's average): no output tokens metric. */
  FakeHistory gauge(String model, double[] tps) {
    input.put(model, tps.clone());
    gauge.put(model, true);
    return this;
  }

  /** No datapoint of either metric for minutes [from, to). */
  FakeHistory silence(String model, int from, int to) {
    Arrays.fill(input.get(model), from, to, Double.NaN);
    if (output.containsKey(model)) {
      Arrays.fill(output.get(model), from, to, Double.NaN);
    }
    return this;
  }

  /** Output tokens missing for minutes [from, to) while input tokens keep coming. */
  FakeHistory dropOutput(String model, int from, int to) {
    Arrays.fill(output.get(model), from, to, Double.NaN);
    return this;
  }

  @Override
  public Map<String, PeriodSeries> read(
      List<String> modelKeys, Instant from, Instant to, int periodSeconds) {
    reads.add(from + ".." + to + "@" + periodSeconds);
    int per = periodSeconds / 60;
    int first = (int) Duration.between(start, from).toMinutes();
    int n = (int) (Duration.between(from, to).toMinutes() / per);
    Map<String, PeriodSeries> out = new LinkedHashMap<>();
    for (String model : modelKeys) {
      double[] tokens = new double[n];
      BitSet partial = new BitSet(n);
      boolean isGauge = gauge.getOrDefault(model, false);
      for (int p = 0; p < n; p++) {
        double in = Double.NaN;
        double o = Double.NaN;
        int count = 0;
        for (int m = first + p * per; m < first + (p + 1) * per; m++) {
          if (m < 0 || m >= minutes) {
            continue;
          }
          double a = input.get(model)[m];
          if (!Double.isNaN(a)) {
            in = (Double.isNaN(in) ? 0 : in) + a;
            count++;
          }
          if (!isGauge && !Double.isNaN(output.get(model)[m])) {
            o = (Double.isNaN(o) ? 0 : o) + output.get(model)[m];
          }
        }
        if (isGauge) {
          // Average x 60 x period/60: tokens in the period, as the real reader counts a gauge.
          tokens[p] = Double.isNaN(in) ? Double.NaN : in / count * periodSeconds;
        } else {
          tokens[p] = Double.isNaN(in) && Double.isNaN(o) ? Double.NaN : nz(in) + nz(o);
          if (Double.isNaN(in) != Double.isNaN(o)) {
            partial.set(p);
          }
        }
      }
      double[] zeros = new double[n];
      out.put(model, new PeriodSeries(from, periodSeconds, tokens, zeros, zeros, partial));
    }
    return out;
  }

  private static double nz(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
