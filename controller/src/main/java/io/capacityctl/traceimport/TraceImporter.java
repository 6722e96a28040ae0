package io.capacityctl.traceimport;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.sim.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code trace import}: a {@code timestamp,value} series at any interval becomes one model's
 * tokens/s per minute, in four steps: read ({@link SeriesReader}), scale ({@link Scaling}),
 * interpolate to minutes ({@link MinuteResampler}), add minute noise ({@link MinuteNoise}).
 */
public final class TraceImporter {
  private TraceImporter() {}

  /** One model's imported minutes, and what the import did, one sentence a note. */
  public record Imported(String model, Instant start, double[] tps, List<String> notes) {
    Instant end() {
      return start.plus(Duration.ofMinutes(tps.length));
    }
  }

  public static Imported run(ImportRecipe r) throws ConfigException {
    SeriesReader.Read read = SeriesReader.read(r.file(), r.columns(), r.zone(), r.duplicates());
    Series raw = read.series();
    Scaling.Scaled scaled = r.scaling().apply(raw);
    Duration usual = Duration.ofMillis(raw.medianSpacingMillis());
    Duration maxGap =
        r.maxGap() != null ? r.maxGap() : max(ImportRecipe.DEFAULT_MAX_GAP, usual.multipliedBy(2));
    MinuteResampler.Minutes minutes =
        MinuteResampler.resample(raw.withValues(scaled.tps()), maxGap, r.longGaps(), r.days());
    double[] levels = minutes.values();
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "%s: %d samples from %s to %s, usually %s apart",
            raw.source(),
            raw.size(),
            Instant.ofEpochMilli(raw.millis()[0]),
            Instant.ofEpochMilli(raw.millis()[raw.size() - 1]),
            MinuteResampler.human(usual.toMillis())));
    if (read.mergedRows() > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "merged %d row(s) repeating the timestamp before them into %d timestamp(s), the"
                  + " %s value kept (--duplicates), the first at line %d",
              read.mergedRows(),
              read.mergedTimestamps(),
              r.duplicates().kept(),
              read.firstMergedLine()));
    }
    notes.add("scale: " + scaled.description());
    notes.addAll(minutes.notes());
    if (r.days() > 0 && levels.length == r.days() * 1440) {
      notes.add("kept the first " + r.days() + " days");
    }
    MinuteNoise noise = new MinuteNoise(r.noise(), r.seed());
    notes.add(
        r.noise() == 0
            ? "no minute noise"
            : String.format(
                Locale.ROOT,
                "minute noise (seed %d): coefficient of variation %.2f at %,.0f tokens/s, %.2f at"
                    + " %,.0f (docs/traces.md)",
                r.seed(),
                noise.amplitudeAt(MinuteNoise.REFERENCE_TPS),
                MinuteNoise.REFERENCE_TPS,
                noise.amplitudeAt(4 * MinuteNoise.REFERENCE_TPS),
                4 * MinuteNoise.REFERENCE_TPS));
    return new Imported(r.model(), minutes.start(), noise.apply(levels), notes);
  }

  /**
   * Several models' imports as one trace over the minutes they all cover.
   *
   * @param source names the inputs in an error
   */
  public static Trace combine(List<Imported> parts, String source) throws ConfigException {
    Instant start = parts.get(0).start();
    Instant end = parts.get(0).end();
    for (Imported p : parts) {
      start = p.start().isAfter(start) ? p.start() : start;
      end = p.end().isBefore(end) ? p.end() : end;
    }
    if (!end.isAfter(start)) {
      throw new ConfigException(
          new ConfigError(source, 0, "timestamp", "the models' series share no minute"));
    }
    int minutes = (int) Duration.between(start, end).toMinutes();
    Map<String, double[]> demand = new LinkedHashMap<>();
    for (Imported p : parts) {
      if (demand.containsKey(p.model())) {
        throw new ConfigException(
            new ConfigError(source, 0, "model", "model '" + p.model() + "' appears twice"));
      }
      int from = (int) Duration.between(p.start(), start).toMinutes();
      demand.put(p.model(), Arrays.copyOfRange(p.tps(), from, from + minutes));
    }
    return new Trace(start, minutes, demand);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
