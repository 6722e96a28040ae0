package io.capacityctl.traceimport;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a series' values become tokens/s: proportionally, so that a quantile of the values lands on a
 * stated peak (not the maximum: one absurd datapoint would set the whole scale), or as a count of
 * events per interval times the tokens each event carries.
 */
public sealed interface Scaling {

  /** The scaled values, and one sentence saying what the scale was. */
  record Scaled(double[] tps, String description) {}

  Scaled apply(Series s) throws ConfigException;

  /**
   * The {@code quantile} of the sample values (0.99: one interval in a hundred lies above it, the
   * bursts) maps to {@code tps}; zero stays zero.
   */
  record ToPeak(double tps, double quantile) implements Scaling {
    @Override
    public Scaled apply(Series s) throws ConfigException {
      double[] sorted = s.values().clone();
      Arrays.sort(sorted);
      double at = sorted[(int) Math.round(quantile * (sorted.length - 1))];
      if (!(at > 0)) {
        throw new ConfigException(
            new ConfigError(
                s.source(),
                0,
                "value",
                "the "
                    + percent(quantile)
                    + " of the values is 0, so there is nothing to scale to --peak;"
                    + " use a higher --peak-quantile or --tokens-per-event"));
      }
      double factor = tps / at;
      double[] out = new double[s.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = s.values()[i] * factor;
      }
      double max = sorted[sorted.length - 1];
      return new Scaled(
          out,
          String.format(
              Locale.ROOT,
              "%s of the values (%.6g) is %,.0f tokens/s; the largest value (%.6g)"
                  + " is %,.0f tokens/s, the median (%.6g) %,.0f",
              percent(quantile),
              at,
              tps,
              max,
              max * factor,
              sorted[sorted.length / 2],
              sorted[sorted.length / 2] * factor));
    }
  }

  /**
   * Each value counts events in an {@code interval} (null: the series' usual spacing); each event
   * carries {@code tokens}.
   */
  record PerEvent(double tokens, Duration interval) implements Scaling {
    @Override
    public Scaled apply(Series s) {
      long period = interval != null ? interval.toMillis() : s.medianSpacingMillis();
      double seconds = period / 1000.0;
      double[] out = new double[s.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = s.values()[i] * tokens / seconds;
      }
      return new Scaled(
          out,
          String.format(
              Locale.ROOT,
              "each value counts events per %s, %,.0f tokens each",
              MinuteResampler.human(period),
              tokens));
    }
  }

  /** {@code 0.99} as {@code p99}, {@code 0.999} as {@code p99.9}. */
  private static String percent(double q) {
    return "p" + String.format(Locale.ROOT, "%.4f", 100 * q).replaceAll("\\.?0+$", "");
  }
}
