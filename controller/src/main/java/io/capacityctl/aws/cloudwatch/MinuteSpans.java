package io.capacityctl.aws.cloudwatch;

import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of whole minutes: sorted, disjoint, non-touching half-open spans of epoch minutes. What the
 * settled-minutes cache has read ({@link SettledMinutes}) and what a read still has to fetch.
 * Immutable; equal sets are equal objects (reads group the queries that miss the same minutes).
 */
final class MinuteSpans {
  static final MinuteSpans NONE = new MinuteSpans(new long[0]);

  // from0, to0, from1, to1, ...: from(i) < to(i) < from(i + 1)
  private final long[] bounds;

  private MinuteSpans(long[] bounds) {
    this.bounds = bounds;
  }

  /** The minutes of the ranges (each on whole minutes), however they overlap. */
  static MinuteSpans of(List<TimeRange> ranges) {
    List<long[]> spans = new ArrayList<>();
    for (TimeRange r : ranges) {
      spans.add(new long[] {epochMinute(r.from()), epochMinute(r.to())});
    }
    return merged(spans);
  }

  boolean isEmpty() {
    return bounds.length == 0;
  }

  /** The earliest minute; only when not empty. */
  long first() {
    return bounds[0];
  }

  /** The minute after the latest; only when not empty. */
  long end() {
    return bounds[bounds.length - 1];
  }

  boolean contains(long minute) {
    // The index of the first bound above the minute: odd means inside a span [from, to).
    int i = Arrays.binarySearch(bounds, minute);
    int above = i >= 0 ? i + 1 : -i - 1;
    return above % 2 == 1;
  }

  MinuteSpans union(MinuteSpans other) {
    List<long[]> spans = spans();
    spans.addAll(other.spans());
    return merged(spans);
  }

  /** The minutes of this set that are not in {@code other}. */
  MinuteSpans minus(MinuteSpans other) {
    List<long[]> out = new ArrayList<>();
    for (long[] s : spans()) {
      long from = s[0];
      for (long[] o : other.spans()) {
        if (o[1] <= from || o[0] >= s[1]) {
          continue;
        }
        if (o[0] > from) {
          out.add(new long[] {from, o[0]});
        }
        from = Math.max(from, o[1]);
      }
      if (from < s[1]) {
        out.add(new long[] {from, s[1]});
      }
    }
    return merged(out);
  }

  /** The minutes of this set in {@code [from, to)}. */
  MinuteSpans clip(long from, long to) {
    List<long[]> out = new ArrayList<>();
    for (long[] s : spans()) {
      out.add(new long[] {Math.max(s[0], from), Math.min(s[1], to)});
    }
    return merged(out);
  }

  /** The spans as time ranges, earliest first. */
  List<TimeRange> ranges() {
    List<TimeRange> out = new ArrayList<>();
    for (long[] s : spans()) {
      out.add(new TimeRange(Instant.ofEpochSecond(s[0] * 60), Instant.ofEpochSecond(s[1] * 60)));
    }
    return out;
  }

  static long epochMinute(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), 60);
  }

  private List<long[]> spans() {
    List<long[]> out = new ArrayList<>(bounds.length / 2);
    for (int i = 0; i < bounds.length; i += 2) {
      out.add(new long[] {bounds[i], bounds[i + 1]});
    }
    return out;
  }

  /** Spans sorted and merged where they overlap or touch; empty ones dropped. */
  private static MinuteSpans merged(List<long[]> spans) {
    List<long[]> sorted = new ArrayList<>();
    for (long[] s : spans) {
      if (s[0] < s[1]) {
        sorted.add(s);
      }
    }
    sorted.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] out = new long[sorted.size() * 2];
    int n = 0;
    for (long[] s : sorted) {
      if (n > 0 && s[0] <= out[n - 1]) {
        out[n - 1] = Math.max(out[n - 1], s[1]);
      } else {
        out[n++] = s[0];
        out[n++] = s[1];
      }
    }
    return new MinuteSpans(Arrays.copyOf(out, n));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinuteSpans other && Arrays.equals(bounds, other.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    return ranges().toString();
  }
}
