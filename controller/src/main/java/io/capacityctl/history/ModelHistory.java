package io.capacityctl.history;

import io.capacityctl.history.Retention.Segment;
import io.capacityctl.traceimport.MinuteNoise;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a backtest read for one model and what it did to make minutes of it: per part of the window,
 * the resolution, the datapoints, the idle and partial periods, the gaps interpolated and whether
 * minute noise was added.
 *
 * @param parts one per part of the window, oldest first
 * @param gaps stretches with no usable datapoint, wider than the data's usual spacing, interpolated
 * @param longestGapSeconds the widest of them, from the datapoint before to the one after
 * @param longGaps gaps wider than {@code --max-gap}, each described, filled as {@code --long-gaps}
 *     says
 * @param ownNoise the minute noise measured on the model's 1-minute data ({@link OwnMinuteNoise}),
 *     or null when there was too little of it and the Azure-measured model was used
 * @param oneMinutePeriods whole 5-minute periods of 1-minute data the measurement had
 */
public record ModelHistory(
    String model,
    String source,
    List<Part> parts,
    int gaps,
    long longestGapSeconds,
    List<String> longGaps,
    MinuteNoise.Model ownNoise,
    int oneMinutePeriods) {

  /**
   * One part of the window for this model.
   *
   * @param spacingSeconds the data's own spacing: the period, or wider for a custom metric
   *     published less often than the period
   * @param datapoints periods with a value
   * @param idle periods with no datapoint from Bedrock, read as no traffic (Bedrock publishes a
   *     datapoint only for a period with invocations)
   * @param partial periods where one of the source's token metrics reported and another did not:
   *     gaps, interpolated
   * @param missing periods a custom metric did not report: gaps, interpolated
   * @param absurd periods whose demand was not a number >= 0 (a custom metric's negative value):
   *     gaps, interpolated
   * @param noise whether minute noise was added (the data is coarser than a minute)
   */
  public record Part(
      Segment segment,
      int spacingSeconds,
      int datapoints,
      int idle,
      int partial,
      int missing,
      int absurd,
      boolean noise) {

    /** The resolution the minutes come from, as the output says it. */
    public String resolution() {
      if (spacingSeconds == segment.resolution().periodSeconds()) {
        return segment.resolution().label();
      }
      return segment.resolution().label()
          + " periods, a datapoint every "
          + Durations.human(spacingSeconds);
    }
  }

  /** Whether any part is coarser than a minute (its minutes get the minute noise). */
  public boolean noised() {
    return parts.stream().anyMatch(Part::noise);
  }

  /** The coarsest spacing any part has: what the model's minutes were made from at worst. */
  public int coarsestSpacingSeconds() {
    return parts.stream().mapToInt(Part::spacingSeconds).max().orElse(60);
  }

  /** One line per part, then the gaps: what the output prints under the model's name. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Part p : parts) {
      Segment s = p.segment();
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%s from %s to %s: %,d datapoints",
                  p.resolution(),
                  s.from(),
                  s.to(),
                  p.datapoints()));
      if (p.idle() > 0) {
        b.append(String.format(Locale.ROOT, ", %,d idle periods (no invocations)", p.idle()));
      }
      if (p.partial() > 0) {
        b.append(
            String.format(
                Locale.ROOT,
                ", %,d partial periods (input tokens without output tokens, or the reverse: gaps)",
                p.partial()));
      }
      if (p.missing() > 0) {
        b.append(String.format(Locale.ROOT, ", %,d periods unreported (gaps)", p.missing()));
      }
      if (p.absurd() > 0) {
        b.append(
            String.format(
                Locale.ROOT, ", %,d periods not a number >= 0 (ignored: gaps)", p.absurd()));
      }
      if (p.noise()) {
        b.append("; interpolated to minutes with minute noise (docs/traces.md)");
      }
      lines.add(b.toString());
    }
    if (gaps > 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%d gap(s) interpolated, the longest %s",
              gaps,
              Durations.human(longestGapSeconds)));
    }
    lines.addAll(longGaps);
    if (noised()) {
      lines.add(noiseLine());
    }
    return lines;
  }

  /** The minute noise the coarse parts were interpolated with: whose, and its figures. */
  public MinuteNoise.Model noiseModel() {
    return ownNoise == null ? MinuteNoise.Model.AZURE : ownNoise;
  }

  private String noiseLine() {
    MinuteNoise.Model m = noiseModel();
    String figures =
        String.format(
            Locale.ROOT,
            "CV %.2f at %,.0f tokens/s, lag 1 %+.2f, lag 2 %+.2f",
            m.cv(),
            m.tps(),
            m.lag1(),
            m.lag2());
    if (ownNoise != null) {
      return String.format(
          Locale.ROOT,
          "minute noise measured on your 1-minute data (%,d whole 5-minute periods): %s",
          oneMinutePeriods,
          figures);
    }
    return String.format(
        Locale.ROOT,
        "%s: the Azure-measured model (%s), figures depend on it",
        oneMinutePeriods == 0
            ? "no 1-minute data"
            : String.format(
                Locale.ROOT,
                "too little 1-minute data (%,d whole 5-minute periods, a day is %d)",
                oneMinutePeriods,
                OwnMinuteNoise.MIN_PERIODS),
        figures);
  }
}
