package io.capacityctl.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One model's Bedrock metrics per CloudWatch period (60, 300 or 3600 s) over a stretch of history:
 * tokens, invocations and throttles summed over the period, NaN where no datapoint came back.
 *
 * <p>A period is <em>partial</em> when one of the series summed into it reported and another of the
 * same source did not (input tokens without output tokens for one model id or PT ARN): its sum
 * would read as a drop in traffic that never happened, so it is a gap, not a value.
 */
public final class PeriodSeries {
  private final Instant start;
  private final int periodSeconds;
  private final double[] tokens;
  private final double[] invocations;
  private final double[] throttles;
  private final BitSet partial;

  /** The three arrays have one value per period; {@code partial} marks the partial periods. */
  public PeriodSeries(
      Instant start,
      int periodSeconds,
      double[] tokens,
      double[] invocations,
      double[] throttles,
      BitSet partial) {
    if (invocations.length != tokens.length || throttles.length != tokens.length) {
      throw new IllegalArgumentException("tokens, invocations and throttles differ in length");
    }
    if (periodSeconds <= 0) {
      throw new IllegalArgumentException("period must be positive: " + periodSeconds);
    }
    this.start = start;
    this.periodSeconds = periodSeconds;
    this.tokens = tokens.clone();
    this.invocations = invocations.clone();
    this.throttles = throttles.clone();
    this.partial = (BitSet) partial.clone();
  }

  public Instant start() {
    return start;
  }

  public int periodSeconds() {
    return periodSeconds;
  }

  public int size() {
    return tokens.length;
  }

  /** The start of period {@code i}. */
  public Instant at(int i) {
    return start.plus(Duration.ofSeconds((long) i * periodSeconds));
  }

  public double tokens(int i) {
    return tokens[i];
  }

  /** No datapoint of any of the model's series came back for period {@code i}. */
  public boolean silent(int i) {
    return Double.isNaN(tokens[i]) && !partial.get(i);
  }

  /** Some of the model's series reported period {@code i} and others did not: a gap. */
  public boolean partial(int i) {
    return partial.get(i);
  }

  /** Partial periods, counted. */
  public int partialCount() {
    return partial.cardinality();
  }

  /**
   * Demand in tokens/s over period {@code i}, as {@link MinuteSeries#demandTps}: served plus what
   * the throttled requests would have used. NaN when the period is silent or partial.
   */
  public double demandTps(int i) {
    if (partial.get(i)) {
      return Double.NaN;
    }
    return MinuteSeries.demandTps(tokens[i], invocations[i], throttles[i], periodSeconds);
  }

  /** Periods {@code [from, to)} only, starting at {@link #at}{@code (from)}. */
  public PeriodSeries slice(int from, int to) {
    return new PeriodSeries(
        at(from),
        periodSeconds,
        Arrays.copyOfRange(tokens, from, to),
        Arrays.copyOfRange(invocations, from, to),
        Arrays.copyOfRange(throttles, from, to),
        partial.get(from, to));
  }

  /** Tokens of every period (a copy). */
  public double[] tokens() {
    return Arrays.copyOf(tokens, tokens.length);
  }

  @Override
  public String toString() {
    return "PeriodSeries[start=" + start + ", period=" + periodSeconds + "s, n=" + size() + "]";
  }
}
