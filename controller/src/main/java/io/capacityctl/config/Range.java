package io.capacityctl.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

/**
 * The values a setting accepts, written as the README's ranges table writes them: {@code [0,
 * 10000]} includes both ends, {@code (0, 10]} excludes zero.
 */
public final class Range<T extends Comparable<? super T>> {
  private final T min;
  private final boolean minIncluded;
  private final T max;
  private final Function<T, String> format;

  private Range(T min, boolean minIncluded, T max, Function<T, String> format) {
    this.min = min;
    this.minIncluded = minIncluded;
    this.max = max;
    this.format = format;
  }

  /** [min, max]. */
  public static Range<Double> closed(double min, double max) {
    return new Range<>(min, true, max, Range::number);
  }

  /** (0, max]: something, and at most {@code max}. */
  public static Range<Double> aboveZero(double max) {
    return new Range<>(0.0, false, max, Range::number);
  }

  /** [min, max] of whole numbers. */
  public static Range<Long> whole(long min, long max) {
    return new Range<>(min, true, max, String::valueOf);
  }

  /** [min, max] of durations. */
  public static Range<Duration> durations(Duration min, Duration max) {
    return new Range<>(min, true, max, Durations::format);
  }

  /** (0, max] of durations. */
  public static Range<Duration> positiveDurations(Duration max) {
    return new Range<>(Duration.ZERO, false, max, Durations::format);
  }

  public boolean contains(T value) {
    int low = value.compareTo(min);
    return (minIncluded ? low >= 0 : low > 0) && value.compareTo(max) <= 0;
  }

  public T min() {
    return min;
  }

  public T max() {
    return max;
  }

  @Override
  public String toString() {
    return (minIncluded ? "[" : "(") + format.apply(min) + ", " + format.apply(max) + "]";
  }

  /** 1000000 rather than 1.0E6, 0.5 rather than 0.50. */
  static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
