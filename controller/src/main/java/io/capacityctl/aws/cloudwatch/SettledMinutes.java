package io.capacityctl.aws.cloudwatch;

import io.capacityctl.aws.cloudwatch.CloudWatchMetricsAdapter.Datapoints;
import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minutes the reconcile pass has already read from CloudWatch and that can no longer change, so
 * the next pass asks CloudWatch only for the rest: at the default throttle budget a pass reads a
 * week of every metric, of which a minute is new.
 *
 * <p>Per metric (namespace, metric, dimension, statistic: not the per-call query id), the minutes
 * read and the datapoints among them. A minute read without a datapoint is settled as absent: a
 * quiet night has many, and re-reading them would undo the saving.
 *
 * <p>What is never trusted:
 *
 * <ul>
 *   <li>the newest {@link #BAND_MINUTES} of every read: they are read again each pass, so a late
 *       datapoint or a revised value there is picked up;
 *   <li>anything read before the clock went back (a read ending earlier than the last): those
 *       minutes may have been read before they happened; all is read again. (While a clock runs
 *       more than the band ahead, what it reads before it happens is settled as absent: the
 *       observer holds on such a clock anyway, its newest minutes all missing);
 *   <li>anything of a read that failed: the cache changes only once every call of a read has
 *       succeeded, so a failed read leaves it as it was (and the next read fetches again what the
 *       failed one had fetched).
 * </ul>
 *
 * <p>Memory is bounded by the window: minutes before the earliest range of the latest read are
 * dropped, and so are metrics it no longer asked for (a PT forgotten, a changed config). One
 * datapoint costs 16 bytes: at Q = 60 metrics and a week, under 10 MB.
 */
final class SettledMinutes {
  /**
   * How many of a read's newest minutes are read again every pass. CloudWatch makes a 1-minute
   * datapoint available after about two minutes, but later under load; AWS's PutMetricData
   * reference allows up to fifteen minutes for a new metric (a new PT ARN's) to appear in
   * ListMetrics, and monitoring vendors polling CloudWatch document 5-10 minutes of latency for
   * AWS-published metrics plus queueing (Datadog, "Cloud Metric Delay"). Thirty minutes is twice
   * the longest of those: a datapoint later than that is missed (read as absent) until the cache is
   * rebuilt. It costs 30 datapoints per metric a pass, still one page.
   */
  static final int BAND_MINUTES = 30;

  /** Fetches the datapoints of {@code queries} over {@code span} into {@code sink}. */
  interface Fetch {
    void fetch(List<MetricQuery> queries, TimeRange span, Datapoints sink);
  }

  private Map<SeriesId, Settled> bySeries = Map.of();
  private long lastEnd = Long.MIN_VALUE;

  /**
   * Hands {@code out} every datapoint of every query inside {@code ranges}, each query's in time
   * order and the queries in the order given, as reading the ranges whole would; fetches only the
   * minutes not settled, each group of queries missing the same minutes over those minutes, merged
   * and earliest first. Commits what was read only when every fetch succeeded.
   */
  synchronized void read(
      List<MetricQuery> queries, List<TimeRange> ranges, Fetch fetch, Datapoints out) {
    MinuteSpans asked = MinuteSpans.of(ranges);
    long first = asked.first();
    long end = asked.end();
    long bandStart = end - BAND_MINUTES;
    Map<SeriesId, Settled> known = end < lastEnd ? Map.of() : bySeries;

    Map<SeriesId, Settled> trusted = new HashMap<>();
    Map<MinuteSpans, List<MetricQuery>> byMissing = new LinkedHashMap<>();
    for (MetricQuery q : queries) {
      SeriesId id = SeriesId.of(q);
      Settled s =
          trusted.computeIfAbsent(
              id, k -> known.getOrDefault(k, Settled.EMPTY).clip(Long.MIN_VALUE, bandStart));
      byMissing.computeIfAbsent(asked.minus(s.read), k -> new ArrayList<>()).add(q);
    }

    Map<String, Points> fresh = new HashMap<>();
    for (Map.Entry<MinuteSpans, List<MetricQuery>> group : byMissing.entrySet()) {
      for (TimeRange span : group.getKey().ranges()) {
        long from = MinuteSpans.epochMinute(span.from());
        long to = MinuteSpans.epochMinute(span.to());
        fetch.fetch(
            group.getValue(),
            span,
            (id, timestamps, values) ->
                fresh.computeIfAbsent(id, k -> new Points()).add(timestamps, values, from, to));
      }
    }

    // Every fetch succeeded: hand out the read and keep what is settled.
    for (MetricQuery q : queries) {
      Points got = fresh.getOrDefault(q.id(), Points.NONE).sorted();
      trusted.get(SeriesId.of(q)).points.within(asked).merge(got).sendTo(q.id(), out);
    }
    commit(queries, trusted, fresh, asked, first, bandStart);
    lastEnd = end;
  }

  /**
   * Keeps, per metric asked for, the minutes read before {@code bandStart} and not before {@code
   * first}: those trusted and those of this read.
   */
  private void commit(
      List<MetricQuery> queries,
      Map<SeriesId, Settled> trusted,
      Map<String, Points> fresh,
      MinuteSpans asked,
      long first,
      long bandStart) {
    Map<SeriesId, Settled> next = new HashMap<>();
    for (MetricQuery q : queries) {
      Settled old = trusted.get(SeriesId.of(q));
      Points got = fresh.getOrDefault(q.id(), Points.NONE).sorted();
      next.computeIfAbsent(
          SeriesId.of(q),
          k -> {
            MinuteSpans read = old.read.union(asked).clip(first, bandStart);
            return new Settled(read, old.points.merge(got).within(read));
          });
    }
    bySeries = next;
  }

  /** A metric as CloudWatch knows it, whichever query id a read gives it. */
  private record SeriesId(
      String namespace,
      String metricName,
      String dimensionName,
      String dimensionValue,
      String stat) {
    static SeriesId of(MetricQuery q) {
      return new SeriesId(
          q.namespace(), q.metricName(), q.dimensionName(), q.dimensionValue(), q.stat());
    }
  }

  /** The minutes of one metric read and settled, and its datapoints among them. */
  private record Settled(MinuteSpans read, Points points) {
    static final Settled EMPTY = new Settled(MinuteSpans.NONE, Points.NONE);

    Settled clip(long from, long to) {
      MinuteSpans kept = read.clip(from, to);
      return kept.equals(read) ? this : new Settled(kept, points.within(kept));
    }
  }

  /** Datapoints of one metric: epoch minutes and values; sorted unless built by {@link #add}. */
  private static final class Points {
    static final Points NONE = new Points();

    private long[] minutes = new long[0];
    private double[] values = new double[0];
    private int size;

    /**
     * Adds the datapoints inside {@code [from, to)}; a missing (null, NaN) value is no datapoint.
     */
    void add(List<Instant> timestamps, List<Double> vals, long from, long to) {
      for (int i = 0; i < timestamps.size(); i++) {
        long m = MinuteSpans.epochMinute(timestamps.get(i));
        Double v = vals.get(i);
        if (m >= from && m < to && v != null && !v.isNaN()) {
          append(m, v);
        }
      }
    }

    private void append(long minute, double value) {
      if (size == minutes.length) {
        minutes = Arrays.copyOf(minutes, Math.max(16, size * 2));
        values = Arrays.copyOf(values, minutes.length);
      }
      minutes[size] = minute;
      values[size++] = value;
    }

    /** These datapoints in time order (stable: datapoints of one minute keep their order). */
    Points sorted() {
      boolean inOrder = true;
      for (int i = 1; i < size && inOrder; i++) {
        inOrder = minutes[i - 1] <= minutes[i];
      }
      if (inOrder) {
        return this;
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(minutes[a], minutes[b]));
      Points out = new Points();
      for (int i : order) {
        out.append(minutes[i], values[i]);
      }
      return out;
    }

    /** The datapoints (sorted) whose minute is in {@code spans}. */
    Points within(MinuteSpans spans) {
      Points out = new Points();
      for (int i = 0; i < size; i++) {
        if (spans.contains(minutes[i])) {
          out.append(minutes[i], values[i]);
        }
      }
      return out;
    }

    /** Both sorted sets of datapoints in one, in time order (this one's first within a minute). */
    Points merge(Points other) {
      if (other.size == 0) {
        return this;
      }
      if (size == 0) {
        return other;
      }
      Points out = new Points();
      int i = 0;
      int j = 0;
      while (i < size || j < other.size) {
        if (j == other.size || (i < size && minutes[i] <= other.minutes[j])) {
          out.append(minutes[i], values[i++]);
        } else {
          out.append(other.minutes[j], other.values[j++]);
        }
      }
      return out;
    }

    void sendTo(String queryId, Datapoints out) {
      List<Instant> timestamps = new ArrayList<>(size);
      List<Double> vals = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        timestamps.add(Instant.ofEpochSecond(minutes[i] * 60));
        vals.add(values[i]);
      }
      out.add(queryId, timestamps, vals);
    }
  }
}
