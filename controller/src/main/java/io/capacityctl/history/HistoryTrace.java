package io.capacityctl.history;

import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.history.Retention.Segment;
import io.capacityctl.ports.MetricsHistoryApi;
import io.capacityctl.ports.PeriodSeries;
import io.capacityctl.sim.Trace;
import io.capacityctl.traceimport.LongGaps;
import io.capacityctl.traceimport.MinuteNoise;
import io.capacityctl.traceimport.MinuteResampler;
import io.capacityctl.traceimport.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns an account's CloudWatch history into a minute trace: each part of the window read at its
 * resolution ({@link Retention}), every model's periods made into samples of demand (tokens/s),
 * interpolated to whole minutes exactly as {@code trace import} interpolates a file ({@link
 * MinuteResampler}), with {@code trace import}'s minute noise ({@link MinuteNoise}) where the data
 * is coarser than a minute: its figures measured on the model's own 1-minute data when the window
 * holds a day of it ({@link OwnMinuteNoise}), the Azure-measured ones otherwise. Pure: the history
 * comes through {@link MetricsHistoryApi}.
 *
 * <p>What a period says:
 *
 * <ul>
 *   <li>a value: demand over the period, as the controller derives it ({@link
 *       PeriodSeries#demandTps}), a sample at the start of the period's middle minute (so a
 *       5-minute period's samples stand for its third minute, and the interpolated minutes of a
 *       steady period average to its value);
 *   <li>nothing from Bedrock ({@code model-id}, {@code pt-arns}): no invocations, so no traffic —
 *       Bedrock publishes a datapoint only for a period with invocations;
 *   <li>nothing from a {@code custom} metric: not known, a gap;
 *   <li>partial (one token metric of a source without the other): a gap, never a drop.
 * </ul>
 *
 * Gaps are interpolated and counted; one wider than {@code maxGap} is refused unless {@code
 * longGaps} says how to fill it; one at either end of the window cannot be interpolated and is held
 * from the nearest datapoint when within {@code maxGap}, refused otherwise.
 *
 * <p>Values are rounded to 0.1 tokens/s, the trace CSV's precision, so that the replay and a {@code
 * simulate --trace} of the written trace see the same minutes.
 */
public final class HistoryTrace {
  /** {@code --max-gap}'s default, as {@code trace import}'s. */
  public static final Duration DEFAULT_MAX_GAP = Duration.ofHours(1);

  private static final long MINUTE = 60_000;

  private HistoryTrace() {}

  /**
   * How to make minutes of the history.
   *
   * @param maxGap the widest gap interpolated, or null for {@link #DEFAULT_MAX_GAP}; never less
   *     than twice the data's spacing
   * @param longGaps what to do with a wider gap: refuse, linear or daily
   * @param noise the minute noise's amplitude, 1 as measured, 0 for none
   * @param seed the noise's seed: the same seed gives the same minutes
   * @param keepSilentEnds replay the window as asked even where no model reported anything for more
   *     than a day at an end (an explicit {@code --from}); otherwise cut to the data ({@link
   *     SilentEnds})
   */
  public record Options(
      Duration maxGap, LongGaps longGaps, double noise, long seed, boolean keepSilentEnds) {

    /** Cutting silent ends. */
    public Options(Duration maxGap, LongGaps longGaps, double noise, long seed) {
      this(maxGap, longGaps, noise, seed, false);
    }
  }

  /**
   * The trace, per model (in the configuration's order) what was read and done, and what was done
   * to the window as a whole ({@link SilentEnds}).
   */
  public record Built(Trace trace, List<ModelHistory> models, List<String> notes) {}

  /**
   * Reads every part of the window for the configuration's models and makes the trace.
   *
   * @param asked the window's parts as asked; cut to the data where no model reported anything for
   *     more than a day at an end ({@link SilentEnds}), unless {@link Options#keepSilentEnds}
   * @param sourceOf per model, the metrics read, as the output names them (asked once all is read)
   * @throws HistoryException no datapoint for a model, or a gap the options refuse
   */
  public static Built build(
      CapacityConfig config,
      MetricsHistoryApi history,
      List<Segment> asked,
      Function<String, String> sourceOf,
      Options options) {
    List<String> models = config.modelKeys();
    List<Map<String, PeriodSeries>> read = new ArrayList<>();
    for (Segment s : asked) {
      read.add(history.read(models, s.from(), s.to(), s.resolution().periodSeconds()));
    }
    SilentEnds.Cut cut =
        options.keepSilentEnds()
            ? new SilentEnds.Cut(asked, read, List.of())
            : SilentEnds.cut(asked, read);
    List<Segment> segments = cut.segments();
    List<Map<String, PeriodSeries>> reads = cut.reads();
    boolean custom = MetricsSource.CUSTOM.equals(config.aws().metrics().kind());
    List<String> silentModels = new ArrayList<>();
    List<Samples> samples = new ArrayList<>();
    for (String model : models) {
      Samples s = Samples.of(model, segments, reads, custom);
      samples.add(s);
      if (s.datapoints() == 0) {
        silentModels.add(model + " (" + sourceOf.apply(model) + ")");
      }
    }
    if (!silentModels.isEmpty()) {
      throw new HistoryException(
          (silentModels.size() == models.size() ? "no data at all: " : "no data for ")
              + "CloudWatch returned no datapoint from "
              + segments.get(0).from()
              + " to "
              + segments.get(segments.size() - 1).to()
              + " for "
              + String.join(", ", silentModels)
              + "; check the region and aws.metrics in the configuration");
    }
    Instant start = segments.get(0).from();
    int minutes = (int) Duration.between(start, segments.get(segments.size() - 1).to()).toMinutes();
    Map<String, double[]> demand = new LinkedHashMap<>();
    List<ModelHistory> reports = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      Samples s = samples.get(m);
      Made made = minutes(s, segments, start, minutes, options, m);
      demand.put(s.model(), made.tps());
      reports.add(
          new ModelHistory(
              s.model(),
              sourceOf.apply(s.model()),
              s.parts(),
              made.gaps(),
              made.longestGapSeconds(),
              made.longGaps(),
              made.noise().model(),
              made.noise().periods()));
    }
    return new Built(new Trace(start, minutes, demand), List.copyOf(reports), cut.notes());
  }

  private record Made(
      double[] tps,
      int gaps,
      long longestGapSeconds,
      List<String> longGaps,
      OwnMinuteNoise.Measured noise) {}

  /** One model's samples to the window's minutes: gaps checked, interpolated, noised, rounded. */
  private static Made minutes(
      Samples s, List<Segment> segments, Instant start, int minutes, Options o, int modelIndex) {
    long first = start.toEpochMilli();
    long last = first + (minutes - 1) * MINUTE;
    long wanted = (o.maxGap() == null ? DEFAULT_MAX_GAP : o.maxGap()).toMillis();
    long limit = Math.max(wanted, 2L * s.coarsestSpacingSeconds() * 1000);
    List<String> refused = new ArrayList<>();
    List<String> filled = new ArrayList<>();
    long lead = s.millis()[0] - first;
    if (lead > limit) {
      refused.add(
          String.format(
              "%s has no datapoint from %s until %s (%s, wider than --max-gap %s): start later,"
                  + " --from %s",
              s.model(),
              start,
              Instant.ofEpochMilli(s.millis()[0]),
              Durations.human(lead / 1000),
              Durations.human(limit / 1000),
              Instant.ofEpochMilli(ceilMinute(s.millis()[0]))));
    }
    long trail = last - s.millis()[s.size() - 1];
    if (trail > limit) {
      refused.add(
          String.format(
              "%s has no datapoint after %s (%s before the end, wider than --max-gap %s): end"
                  + " earlier, --to %s",
              s.model(),
              Instant.ofEpochMilli(s.millis()[s.size() - 1]),
              Durations.human(trail / 1000),
              Durations.human(limit / 1000),
              Instant.ofEpochMilli(s.millis()[s.size() - 1] + MINUTE)));
    }
    int gaps = 0;
    long longest = 0;
    for (int i = 1; i < s.size(); i++) {
      long d = s.millis()[i] - s.millis()[i - 1];
      if (2 * d <= 3L * s.spacingSeconds(i) * 1000) {
        continue; // the data's usual spacing
      }
      gaps++;
      longest = Math.max(longest, d);
      if (d > limit) {
        String gap =
            String.format(
                "a gap of %s in %s from %s to %s",
                Durations.human(d / 1000),
                s.model(),
                Instant.ofEpochMilli(s.millis()[i - 1]),
                Instant.ofEpochMilli(s.millis()[i]));
        switch (o.longGaps()) {
          case REFUSE ->
              refused.add(
                  gap
                      + " is wider than --max-gap "
                      + Durations.human(limit / 1000)
                      + ": raise --max-gap, or fill it with --long-gaps linear or daily");
          case LINEAR -> filled.add("interpolated across " + gap);
          case DAILY -> filled.add("filled " + gap + " by repeating the day before");
        }
      }
    }
    if (!refused.isEmpty()) {
      throw new HistoryException(String.join("; ", refused));
    }
    double[] tps = interpolate(s, first, last, limit, o.longGaps(), minutes);
    // The model's own minutes, where the window has enough of them, say how its coarse parts'
    // minutes move; otherwise the Azure-measured model stands in.
    OwnMinuteNoise.Measured own = OwnMinuteNoise.measure(s);
    MinuteNoise.Model model = own.model() == null ? MinuteNoise.Model.AZURE : own.model();
    for (int j = 0; j < segments.size(); j++) {
      ModelHistory.Part part = s.parts().get(j);
      if (!part.noise() || o.noise() == 0) {
        continue;
      }
      Segment seg = segments.get(j);
      int from = (int) Duration.between(start, seg.from()).toMinutes();
      int to = from + seg.minutes();
      // A seed per model and part: two models' noise is independent, and a part's noise does not
      // change when the window grows at the other end.
      long seed = o.seed() + 1_000L * modelIndex + j;
      double[] noisy =
          new MinuteNoise(model, o.noise(), seed).apply(Arrays.copyOfRange(tps, from, to));
      System.arraycopy(noisy, 0, tps, from, noisy.length);
    }
    for (int i = 0; i < tps.length; i++) {
      tps[i] = asWritten(tps[i]);
    }
    return new Made(tps, gaps, longest / 1000, List.copyOf(filled), own);
  }

  /**
   * The samples, held to the window's first and last minute, as one value per minute by {@code
   * trace import}'s interpolation.
   */
  private static double[] interpolate(
      Samples s, long first, long last, long limit, LongGaps longGaps, int minutes) {
    int n = s.size();
    boolean headHeld = s.millis()[0] > first;
    boolean tailHeld = s.millis()[n - 1] < last;
    int size = n + (headHeld ? 1 : 0) + (tailHeld ? 1 : 0);
    long[] millis = new long[size];
    double[] values = new double[size];
    int k = 0;
    if (headHeld) {
      millis[k] = first;
      values[k++] = s.tps()[0];
    }
    System.arraycopy(s.millis(), 0, millis, k, n);
    System.arraycopy(s.tps(), 0, values, k, n);
    k += n;
    if (tailHeld) {
      millis[k] = last;
      values[k] = s.tps()[n - 1];
    }
    LongGaps fill = longGaps == LongGaps.REFUSE ? LongGaps.LINEAR : longGaps;
    try {
      MinuteResampler.Minutes made =
          MinuteResampler.resample(
              new Series("CloudWatch history of " + s.model(), millis, values, new int[size]),
              Duration.ofMillis(limit),
              fill);
      if (made.start().toEpochMilli() != first || made.values().length != minutes) {
        throw new IllegalStateException(
            "interpolation covered " + made.start() + " +" + made.values().length + " minutes");
      }
      return made.values();
    } catch (ConfigException e) {
      // Only --long-gaps daily can refuse here: a gap with no whole day before it to repeat.
      throw new HistoryException(e.getMessage().lines().findFirst().orElse(e.getMessage()));
    }
  }

  /** The trace CSV's precision ({@code TraceCsv.write}: one decimal). */
  static double asWritten(double tps) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.1f", tps));
  }

  private static long ceilMinute(long millis) {
    return Math.floorDiv(millis + MINUTE - 1, MINUTE) * MINUTE;
  }
}
