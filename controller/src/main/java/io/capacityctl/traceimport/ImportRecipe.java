package io.capacityctl.traceimport;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything {@code trace import} needs to turn one {@code timestamp,value} file into one model's
 * minute trace; the bundled real-shaped scenarios are recipes too.
 *
 * @param file a path, or {@code classpath:PATH} for a series bundled in the jar
 * @param columns timestamp and value column names, or null for the first two columns
 * @param zone where naive timestamps are local, or null to refuse them
 * @param maxGap the longest gap interpolated, or null for the default ({@link #DEFAULT_MAX_GAP},
 *     and never less than twice the series' usual interval)
 * @param duplicates what to do with rows repeating a timestamp ({@link Duplicates#REFUSE}: refuse)
 * @param noise 1 for the measured minute noise ({@link MinuteNoise}), 0 for none
 * @param days keep only the first this many days, or 0 for all
 */
public record ImportRecipe(
    String file,
    String model,
    List<String> columns,
    ZoneId zone,
    Scaling scaling,
    Duration maxGap,
    LongGaps longGaps,
    Duplicates duplicates,
    double noise,
    long seed,
    int days) {
  public static final Duration DEFAULT_MAX_GAP = Duration.ofHours(1);

  /**
   * A series of naive timestamps in {@code zone} at any interval, its p99 scaled to {@code peak}
   * tokens/s, with the measured minute noise (seed 0 until {@link #withSeed}): how the real-shaped
   * scenarios and the corpus sweep's outside series are imported.
   */
  public static ImportRecipe toPeak(String file, String model, ZoneId zone, double peak) {
    return new ImportRecipe(
        file,
        model,
        null,
        zone,
        new Scaling.ToPeak(peak, 0.99),
        null,
        LongGaps.REFUSE,
        Duplicates.REFUSE,
        1,
        0,
        0);
  }

  /** The same recipe with other gap rules. */
  public ImportRecipe withGaps(Duration max, LongGaps longer) {
    return new ImportRecipe(
        file, model, columns, zone, scaling, max, longer, duplicates, noise, seed, days);
  }

  /** The same recipe with another noise seed. */
  public ImportRecipe withSeed(long other) {
    return new ImportRecipe(
        file, model, columns, zone, scaling, maxGap, longGaps, duplicates, noise, other, days);
  }
}
