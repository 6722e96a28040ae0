package io.capacityctl.traceimport;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.sim.TraceCsv;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a series at any interval into one value per whole minute: linear interpolation between the
 * samples on either side of each minute, from the first whole minute at or after the first sample
 * to the last whole minute at or before the last one. Samples further apart than {@code maxGap}
 * make a long gap, which {@link LongGaps} decides; every gap handled is described in {@link
 * Minutes#notes()}.
 */
public final class MinuteResampler {
  private static final long MINUTE = 60_000;

  private MinuteResampler() {}

  /** Values per whole minute from {@code start}, and what was done to get them. */
  public record Minutes(Instant start, double[] values, List<String> notes) {}

  /**
   * The series per whole minute; reused as it is to interpolate coarser CloudWatch data (5- and
   * 60-minute periods), then {@link MinuteNoise} puts back the minute-to-minute movement.
   */
  public static Minutes resample(Series s, Duration maxGap, LongGaps longGaps)
      throws ConfigException {
    return resample(s, maxGap, longGaps, 0);
  }

  /**
   * As {@link #resample(Series, Duration, LongGaps)}, keeping only the first {@code days} days (0:
   * all, at most {@link TraceCsv#MAX_DAYS}, so an absurd timestamp cannot make a huge array).
   */
  public static Minutes resample(Series s, Duration maxGap, LongGaps longGaps, int days)
      throws ConfigException {
    long first = ceilMinute(s.millis()[0]);
    long last = Math.floorDiv(s.millis()[s.size() - 1], MINUTE) * MINUTE;
    if (last < first) {
      throw new ConfigException(
          new ConfigError(s.source(), 0, "file", "the series covers no whole minute"));
    }
    long limit = maxGap.toMillis();
    long usual = s.medianSpacingMillis();
    List<ConfigError> errors = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int interpolatedGaps = 0;
    long longestInterpolated = 0;
    for (int i = 1; i < s.size(); i++) {
      long d = s.millis()[i] - s.millis()[i - 1];
      if (d > limit) {
        String gap =
            "a gap of "
                + human(d)
                + " from "
                + Instant.ofEpochMilli(s.millis()[i - 1])
                + " (line "
                + s.lines()[i - 1]
                + ") to "
                + Instant.ofEpochMilli(s.millis()[i]);
        switch (longGaps) {
          case REFUSE ->
              errors.add(
                  new ConfigError(
                      s.source(),
                      s.lines()[i],
                      "timestamp",
                      gap
                          + " is longer than --max-gap "
                          + human(limit)
                          + ": raise --max-gap, or fill it with --long-gaps linear or daily"));
          case LINEAR -> notes.add("interpolated across " + gap);
          case DAILY -> notes.add("filled " + gap + " by repeating the day before");
        }
      } else if (d > usual + usual / 2) {
        interpolatedGaps++;
        longestInterpolated = Math.max(longestInterpolated, d);
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    if (interpolatedGaps > 0) {
      notes.add(
          0,
          "interpolated "
              + interpolatedGaps
              + " gap(s) longer than the usual "
              + human(usual)
              + " between samples, the longest "
              + human(longestInterpolated));
    }
    long span = (last - first) / MINUTE + 1;
    if (days == 0 && span > TraceCsv.MAX_DAYS * 1440L) {
      throw new ConfigException(
          new ConfigError(
              s.source(),
              s.lines()[s.size() - 1],
              "timestamp",
              "the series spans "
                  + span / 1440
                  + " days ("
                  + Instant.ofEpochMilli(first)
                  + " to "
                  + Instant.ofEpochMilli(last)
                  + "); at most "
                  + TraceCsv.MAX_DAYS
                  + ": keep fewer with --days"));
    }
    int minutes = (int) (days == 0 ? span : Math.min(span, days * 1440L));
    double[] v = new double[minutes];
    int i = 0;
    for (int m = 0; m < minutes; m++) {
      long t = first + m * MINUTE;
      while (s.millis()[i + 1] < t) {
        i++;
      }
      long t0 = s.millis()[i];
      long t1 = s.millis()[i + 1];
      if (t1 - t0 > limit && longGaps == LongGaps.DAILY && t > t0 && t < t1) {
        if (m < 1440) {
          throw new ConfigException(
              new ConfigError(
                  s.source(),
                  s.lines()[i + 1],
                  "timestamp",
                  "the gap from "
                      + Instant.ofEpochMilli(t0)
                      + " has no whole day before it to repeat; use --long-gaps linear"));
        }
        v[m] = v[m - 1440];
        continue;
      }
      double f = t1 == t0 ? 0 : (double) (t - t0) / (t1 - t0);
      v[m] = s.values()[i] + f * (s.values()[i + 1] - s.values()[i]);
    }
    return new Minutes(Instant.ofEpochMilli(first), v, notes);
  }

  private static long ceilMinute(long millis) {
    return Math.floorDiv(millis + MINUTE - 1, MINUTE) * MINUTE;
  }

  /** A duration as people write it: {@code 84 h 3 min}, {@code 5 min}, {@code 30 s}. */
  static String human(long millis) {
    long min = millis / MINUTE;
    if (min == 0) {
      return (millis / 1000) + " s";
    }
    return min >= 60
        ? (min / 60) + " h" + (min % 60 == 0 ? "" : " " + (min % 60) + " min")
        : min + " min";
  }
}
