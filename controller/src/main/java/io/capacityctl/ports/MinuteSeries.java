package io.capacityctl.ports;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-minute Bedrock metrics for one model over a time range; {@code NaN} marks a missing minute
 * (never read a missing datapoint as zero traffic). Per minute: the input+output tokens served, the
 * successful invocations, and the throttled invocations (they count in neither of the others).
 *
 * <p>Immutable as far as its readers go: the arrays it is built on are never written while it reads
 * them, so a series may be a {@link #view} of a longer record without a copy (the simulator serves
 * a day of minutes every pass).
 */
public final class MinuteSeries {
  private final Instant start;
  private final double[] tokens;
  private final double[] invocations;
  private final double[] throttles;
  private final int offset;
  private final int size;

  /** A series of the three arrays' minutes (the same length), from {@code start}. */
  public MinuteSeries(Instant start, double[] tokens, double[] invocations, double[] throttles) {
    this(start, tokens, invocations, throttles, 0, tokens.length);
    if (invocations.length != size || throttles.length != size) {
      throw new IllegalArgumentException("tokens, invocations and throttles differ in length");
    }
  }

  private MinuteSeries(
      Instant start,
      double[] tokens,
      double[] invocations,
      double[] throttles,
      int offset,
      int size) {
    this.start = start;
    this.tokens = tokens;
    this.invocations = invocations;
    this.throttles = throttles;
    this.offset = offset;
    this.size = size;
  }

  /**
   * Minutes {@code [offset, offset + size)} of the three arrays, without copying them: the caller
   * must never write those minutes afterwards.
   */
  public static MinuteSeries view(
      Instant start,
      double[] tokens,
      double[] invocations,
      double[] throttles,
      int offset,
      int size) {
    Objects.checkFromIndexSize(offset, size, tokens.length);
    Objects.checkFromIndexSize(offset, size, invocations.length);
    Objects.checkFromIndexSize(offset, size, throttles.length);
    return new MinuteSeries(start, tokens, invocations, throttles, offset, size);
  }

  /** The first minute. */
  public Instant start() {
    return start;
  }

  public int size() {
    return size;
  }

  public double tokens(int i) {
    return tokens[offset + Objects.checkIndex(i, size)];
  }

  public double invocations(int i) {
    return invocations[offset + Objects.checkIndex(i, size)];
  }

  public double throttles(int i) {
    return throttles[offset + Objects.checkIndex(i, size)];
  }

  /** Tokens of every minute (a copy). */
  public double[] tokens() {
    return Arrays.copyOfRange(tokens, offset, offset + size);
  }

  /** Invocations of every minute (a copy). */
  public double[] invocations() {
    return Arrays.copyOfRange(invocations, offset, offset + size);
  }

  /** Throttled invocations of every minute (a copy). */
  public double[] throttles() {
    return Arrays.copyOfRange(throttles, offset, offset + size);
  }

  public boolean missing(int i) {
    return Double.isNaN(tokens(i));
  }

  /**
   * Estimated demand in tokens/s: what was served plus what throttled requests would have used, at
   * the minute's average tokens per invocation.
   */
  public double demandTps(int i) {
    return demandTps(tokens(i), invocations(i), throttles(i), 60);
  }

  /**
   * Demand in tokens/s over {@code seconds} from its sums: the tokens served plus what the
   * throttled requests would have used at the average tokens per invocation; NaN when no tokens are
   * known. The one formula for a minute and for a coarser CloudWatch period ({@link PeriodSeries}).
   */
  public static double demandTps(double tokens, double invocations, double throttles, int seconds) {
    if (Double.isNaN(tokens)) {
      return Double.NaN;
    }
    if (Double.isNaN(throttles) || throttles == 0) {
      return tokens / seconds; // the common minute, nothing throttled: no division per request
    }
    double perRequest = invocations > 0 ? tokens / invocations : 0;
    return (tokens + throttles * perRequest) / seconds;
  }

  public double throttledTps(int i) {
    double inv = invocations(i);
    double thr = Double.isNaN(throttles(i)) ? 0 : throttles(i);
    double t = tokens(i);
    return inv > 0 && !Double.isNaN(t) ? thr * (t / inv) / 60.0 : 0;
  }

  /**
   * Whether {@code count} minutes from {@code from} hold the same datapoints, bit for bit (NaN for
   * NaN), as {@code other}'s from {@code otherFrom}.
   */
  public boolean sameMinutes(int from, MinuteSeries other, int otherFrom, int count) {
    int a = offset + Objects.checkFromIndexSize(from, count, size);
    int b = other.offset + Objects.checkFromIndexSize(otherFrom, count, other.size);
    if (a == b
        && tokens == other.tokens
        && throttles == other.throttles
        && invocations == other.invocations) {
      // Views of the same minutes of the same arrays (the simulated CloudWatch hands out views of
      // arrays it never writes once handed out): equal without comparing each pass's two days.
      return true;
    }
    return Arrays.equals(tokens, a, a + count, other.tokens, b, b + count)
        && Arrays.equals(throttles, a, a + count, other.throttles, b, b + count)
        && Arrays.equals(invocations, a, a + count, other.invocations, b, b + count);
  }

  @Override
  public String toString() {
    return "MinuteSeries[start=" + start + ", minutes=" + size + "]";
  }
}
