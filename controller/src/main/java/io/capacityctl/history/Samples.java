package io.capacityctl.history;

import io.capacityctl.history.Retention.Segment;
import io.capacityctl.ports.PeriodSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One model's demand samples over the whole window, oldest first: an instant (epoch ms) and
 * tokens/s per usable period, and what each part of the window held ({@link ModelHistory.Part}).
 */
record Samples(
    String model, long[] millis, double[] tps, int[] part, List<ModelHistory.Part> parts) {

  /**
   * The periods of every part of the window for {@code model}, as samples.
   *
   * @param custom a custom metric (a missing period is unknown) rather than Bedrock's own (a
   *     missing period had no invocations)
   */
  static Samples of(
      String model, List<Segment> segments, List<Map<String, PeriodSeries>> reads, boolean custom) {
    int capacity = segments.stream().mapToInt(Segment::periods).sum();
    long[] millis = new long[capacity];
    double[] tps = new double[capacity];
    int[] part = new int[capacity];
    List<ModelHistory.Part> parts = new ArrayList<>();
    int n = 0;
    for (int j = 0; j < segments.size(); j++) {
      Segment seg = segments.get(j);
      PeriodSeries ps = reads.get(j).get(model);
      int period = seg.resolution().periodSeconds();
      // The start of the period's middle minute: the minute whose value the period's mean is.
      long offset = (period / 2 - 30) * 1000L;
      int first = n;
      int datapoints = 0;
      int idle = 0;
      int partial = 0;
      int missing = 0;
      int absurd = 0;
      for (int i = 0; i < ps.size(); i++) {
        double v;
        if (ps.partial(i)) {
          partial++;
          continue;
        } else if (ps.silent(i)) {
          if (custom) {
            missing++;
            continue;
          }
          idle++;
          v = 0;
        } else {
          v = ps.demandTps(i);
          if (!(v >= 0) || Double.isInfinite(v)) {
            // A custom metric can publish anything: a negative or infinite demand is not traffic
            // that happened, and the trace CSV could not hold it. A gap, counted, never a value.
            absurd++;
            continue;
          }
          datapoints++;
        }
        millis[n] = ps.at(i).toEpochMilli() + offset;
        tps[n] = v;
        part[n++] = j;
      }
      int spacing = custom ? Math.max(period, medianSpacingSeconds(millis, first, n)) : period;
      if (spacing > period) {
        // A metric published less often than the period: its silent periods are its cadence, not
        // gaps (wider stretches still count as gaps, between samples).
        missing = 0;
      }
      parts.add(
          new ModelHistory.Part(
              seg, spacing, datapoints, idle, partial, missing, absurd, spacing > 60));
    }
    return new Samples(
        model,
        Arrays.copyOf(millis, n),
        Arrays.copyOf(tps, n),
        Arrays.copyOf(part, n),
        List.copyOf(parts));
  }

  int size() {
    return millis.length;
  }

  /** Periods with a value, over the whole window. */
  int datapoints() {
    return parts.stream().mapToInt(ModelHistory.Part::datapoints).sum();
  }

  int coarsestSpacingSeconds() {
    return parts.stream().mapToInt(ModelHistory.Part::spacingSeconds).max().orElse(60);
  }

  /** The usual spacing around sample {@code i} and the one before: the wider of their parts'. */
  int spacingSeconds(int i) {
    return Math.max(
        parts.get(part[i]).spacingSeconds(), parts.get(part[Math.max(0, i - 1)]).spacingSeconds());
  }

  private static int medianSpacingSeconds(long[] millis, int from, int to) {
    if (to - from < 2) {
      return 0;
    }
    long[] d = new long[to - from - 1];
    for (int i = from + 1; i < to; i++) {
      d[i - from - 1] = millis[i] - millis[i - 1];
    }
    Arrays.sort(d);
    return (int) (d[d.length / 2] / 1000);
  }
}
