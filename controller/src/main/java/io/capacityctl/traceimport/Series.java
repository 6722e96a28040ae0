package io.capacityctl.traceimport;

import java.util.Arrays;

/**
 * A {@code timestamp,value} series: strictly increasing instants (epoch milliseconds), finite
 * values >= 0, and the line each came from (0 where it came from no file, e.g. CloudWatch).
 */
public record Series(String source, long[] millis, double[] values, int[] lines) {

  public int size() {
    return millis.length;
  }

  /** The median spacing between samples: the series' interval when it has a regular one. */
  public long medianSpacingMillis() {
    if (size() < 2) {
      return 0;
    }
    long[] d = new long[size() - 1];
    for (int i = 1; i < size(); i++) {
      d[i - 1] = millis[i] - millis[i - 1];
    }
    Arrays.sort(d);
    return d[d.length / 2];
  }

  /** The same instants with other values (scaled). */
  public Series withValues(double[] v) {
    return new Series(source, millis, v, lines);
  }
}
