package io.capacityctl.history;

import java.time.Duration;

/**
 * The periods CloudWatch keeps a metric at, and for how long: datapoints with a period of 60 s are
 * available for 15 days, 300 s for 63 days, 3600 s for 455 days (the GetMetricData and MetricStat
 * reference: older data is only returned at the coarser period). Finest first.
 */
public enum Resolution {
  ONE_MINUTE(60, Duration.ofDays(15), "1-minute"),
  FIVE_MINUTES(300, Duration.ofDays(63), "5-minute"),
  ONE_HOUR(3600, Duration.ofDays(455), "hourly");

  private final int periodSeconds;
  private final Duration kept;
  private final String label;

  Resolution(int periodSeconds, Duration kept, String label) {
    this.periodSeconds = periodSeconds;
    this.kept = kept;
    this.label = label;
  }

  public int periodSeconds() {
    return periodSeconds;
  }

  /** How long CloudWatch keeps datapoints at this period. */
  public Duration kept() {
    return kept;
  }

  /** As the output says it: {@code 1-minute}, {@code 5-minute}, {@code hourly}. */
  public String label() {
    return label;
  }

  /** The coarsest, kept longest. */
  public static Resolution coarsest() {
    return ONE_HOUR;
  }
}
