package io.capacityctl.history;

import static io.capacityctl.history.HistoryConfigs.HAIKU;
import static io.capacityctl.history.HistoryConfigs.SONNET;
import static io.capacityctl.history.Resolution.FIVE_MINUTES;
import static io.capacityctl.history.Resolution.ONE_HOUR;
import static io.capacityctl.history.Resolution.ONE_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.history.Retention.Segment;
import io.capacityctl.sim.Trace;
import io.capacityctl.traceimport.LongGaps;
import io.capacityctl.traceimport.MinuteNoise;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch history to minutes: 1-minute data as it is, coarser data interpolated with trace
 * import's noise model, idle Bedrock minutes as no traffic, half-present and unreported periods as
 * gaps (interpolated, counted, refused when wider than --max-gap), no data refused.
 */
class HistoryTraceTest {
  static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
  static final HistoryTrace.Options NOISE = new HistoryTrace.Options(null, LongGaps.REFUSE, 1, 7);
  static final HistoryTrace.Options QUIET = new HistoryTrace.Options(null, LongGaps.REFUSE, 0, 7);

  @Test
  void oneMinuteDataIsReplayedMinuteForMinuteWithoutNoise() {
    int minutes = 2 * 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, wave(minutes, 8000, 3000))
            .model(HAIKU, wave(minutes, 1500, 700));

    HistoryTrace.Built built =
        build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), NOISE);

    Trace t = built.trace();
    assertThat(t.start()).isEqualTo(T0);
    assertThat(t.minutes()).isEqualTo(minutes);
    for (int m = 0; m < minutes; m++) {
      assertThat(t.at(SONNET, m)).isCloseTo(wave(minutes, 8000, 3000)[m], within(0.05));
    }
    assertThat(cw.reads).containsExactly(T0 + ".." + T0.plus(Duration.ofDays(2)) + "@60");
    ModelHistory sonnet = built.models().get(0);
    assertThat(sonnet.parts()).singleElement().satisfies(p -> assertThat(p.noise()).isFalse());
    assertThat(sonnet.describe().get(0))
        .startsWith("1-minute from " + T0)
        .contains("2,880 datapoints");
  }

  /** The noise model's statistics, measured on the minutes made from steady 5-minute data. */
  @Test
  void fiveMinuteDataGetsTheMinuteNoiseOfTraceImport() {
    int minutes = 30 * 1440;
    for (double level : new double[] {MinuteNoise.REFERENCE_TPS, 4 * MinuteNoise.REFERENCE_TPS}) {
      FakeHistory cw =
          new FakeHistory(T0, minutes)
              .model(SONNET, constant(minutes, level))
              .model(HAIKU, constant(minutes, level));

      Trace t = build(HistoryConfigs.modelId(), cw, parts(FIVE_MINUTES, minutes), NOISE).trace();

      double[] v = t.demand().get(SONNET);
      double expectedCv = new MinuteNoise(1, 0).amplitudeAt(level);
      assertThat(mean(v) / level).as("mean at %s", level).isCloseTo(1, within(0.02));
      assertThat(cv(v)).as("CV at %s", level).isCloseTo(expectedCv, within(0.04));
      assertThat(autocorrelation(v, 1)).isCloseTo(MinuteNoise.LAG1, within(0.03));
      assertThat(autocorrelation(v, 2)).isCloseTo(MinuteNoise.LAG2, within(0.03));
      assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(0);
      // Each model has noise of its own.
      assertThat(t.demand().get(HAIKU)).isNotEqualTo(v);
    }
  }

  @Test
  void withoutNoiseFiveMinuteDataIsLinearThroughEachPeriodsMiddleMinute() {
    int minutes = 1440;
    double[] tps = wave(minutes, 6000, 2500);
    FakeHistory cw = new FakeHistory(T0, minutes).model(SONNET, tps).model(HAIKU, tps);

    Trace t = build(HistoryConfigs.modelId(), cw, parts(FIVE_MINUTES, minutes), QUIET).trace();

    double[] v = t.demand().get(SONNET);
    assertThat(v).hasSize(minutes);
    for (int p = 0; p < minutes / 5; p++) {
      double periodMean = Arrays.stream(tps, 5 * p, 5 * p + 5).average().orElseThrow();
      // The period's value stands at its third minute; the minutes between are on the line.
      assertThat(v[5 * p + 2]).isCloseTo(periodMean, within(0.05));
    }
    assertThat(mean(v)).isCloseTo(mean(tps), within(mean(tps) * 0.002));
    assertThat(v[0]).as("held from the first period").isEqualTo(v[2]);
  }

  @Test
  void hourlyDataStandsAtEachHoursMiddleMinute() {
    int minutes = 3 * 1440;
    double[] tps = wave(minutes, 6000, 2500);
    FakeHistory cw = new FakeHistory(T0, minutes).model(SONNET, tps).model(HAIKU, tps);

    HistoryTrace.Built built = build(HistoryConfigs.modelId(), cw, parts(ONE_HOUR, minutes), QUIET);

    double[] v = built.trace().demand().get(SONNET);
    for (int h = 1; h < minutes / 60 - 1; h++) {
      double hourMean = Arrays.stream(tps, 60 * h, 60 * h + 60).average().orElseThrow();
      // Halfway between the starts of minutes 29 and 30 (off by the wave's curvature between
      // hours, a few tenths, and the 0.1 rounding).
      assertThat((v[60 * h + 29] + v[60 * h + 30]) / 2).isCloseTo(hourMean, within(1.0));
    }
    assertThat(built.models().get(0).describe().get(0)).startsWith("hourly from ");
  }

  /**
   * A window with nine days of 1-minute data: the coarse part's minutes move as the model's own
   * minutes do (CV 0.30 with lags +0.40 and -0.10 at 8,000 tokens/s), not as the Azure model would
   * (CV 0.81 there, lags +0.18 and -0.30), and the output says whose noise it is.
   */
  @Test
  void coarsePartsGetTheNoiseMeasuredOnTheModelsOwnOneMinuteData() {
    int minutes = 12 * 1440;
    double level = 8000;
    MinuteNoise.Model truth = new MinuteNoise.Model(level, 0.30, 0.40, -0.10);
    double[] sonnet = new MinuteNoise(truth, 1, 11).apply(constant(minutes, level));
    FakeHistory cw =
        new FakeHistory(T0, minutes).model(SONNET, sonnet).model(HAIKU, constant(minutes, 900));
    Instant join = T0.plus(Duration.ofDays(3));
    List<Segment> parts = fiveMinutesThenOneMinute(join, T0.plus(Duration.ofDays(12)));

    HistoryTrace.Built noisy = build(HistoryConfigs.modelId(), cw, parts, NOISE);
    HistoryTrace.Built line = build(HistoryConfigs.modelId(), cw, parts, QUIET);

    ModelHistory s = noisy.models().get(0);
    assertThat(s.ownNoise()).isNotNull();
    assertThat(s.ownNoise().cv()).isCloseTo(0.30, within(0.03));
    assertThat(s.ownNoise().lag1()).isCloseTo(0.40, within(0.07));
    assertThat(s.ownNoise().lag2()).isCloseTo(-0.10, within(0.07));
    assertThat(s.ownNoise().tps()).isCloseTo(level, within(level * 0.02));
    // The factor the coarse part's minutes got over the interpolated line.
    double[] v = noisy.trace().demand().get(SONNET);
    double[] l = line.trace().demand().get(SONNET);
    double[] factor = new double[3 * 1440];
    for (int m = 0; m < factor.length; m++) {
      factor[m] = v[m] / l[m];
    }
    assertThat(mean(factor)).isCloseTo(1, within(0.02));
    assertThat(cv(factor)).isCloseTo(0.30, within(0.04));
    assertThat(autocorrelation(factor, 1)).isCloseTo(0.40, within(0.08));
    assertThat(autocorrelation(factor, 2)).isCloseTo(-0.10, within(0.08));
    // The 1-minute part is the real minutes, untouched.
    assertThat(Arrays.copyOfRange(v, 3 * 1440, minutes))
        .isEqualTo(Arrays.copyOfRange(l, 3 * 1440, minutes));
    assertThat(s.describe())
        .last()
        .asString()
        .startsWith(
            "minute noise measured on your 1-minute data (2,592 whole 5-minute periods): CV 0.")
        .contains(" tokens/s, lag 1 +0.");
    // Haiku's own minutes are steady: its coarse part gets none.
    assertThat(noisy.models().get(1).ownNoise().cv()).isZero();
    assertThat(Arrays.copyOfRange(noisy.trace().demand().get(HAIKU), 0, 3 * 1440))
        .containsOnly(900.0);
  }

  /** Without a day of 1-minute data, the Azure-measured model, and the output says so. */
  @Test
  void withoutADayOfOneMinuteDataTheAzureModelIsUsedAndSaid() {
    int minutes = 3 * 1440;
    double level = 8000;
    double[] tps =
        new MinuteNoise(new MinuteNoise.Model(level, 0.3, 0, 0), 1, 3)
            .apply(constant(minutes, level));
    FakeHistory cw = new FakeHistory(T0, minutes).model(SONNET, tps).model(HAIKU, tps);
    Instant join = T0.plus(Duration.ofHours(3 * 24 - 20));
    List<Segment> mixed = fiveMinutesThenOneMinute(join, T0.plus(Duration.ofDays(3)));

    HistoryTrace.Built coarse =
        build(HistoryConfigs.modelId(), cw, parts(FIVE_MINUTES, minutes), NOISE);
    HistoryTrace.Built short1 = build(HistoryConfigs.modelId(), cw, mixed, NOISE);

    assertThat(coarse.models().get(0).ownNoise()).isNull();
    assertThat(coarse.models().get(0).noiseModel()).isEqualTo(MinuteNoise.Model.AZURE);
    assertThat(coarse.models().get(0).describe())
        .last()
        .isEqualTo(
            "no 1-minute data: the Azure-measured model (CV 1.00 at 5,250 tokens/s, lag 1 +0.18,"
                + " lag 2 -0.30), figures depend on it");
    assertThat(cv(coarse.trace().demand().get(SONNET)))
        .isCloseTo(new MinuteNoise(1, 0).amplitudeAt(level), within(0.1));
    assertThat(short1.models().get(0).ownNoise()).isNull();
    assertThat(short1.models().get(0).describe())
        .last()
        .asString()
        .startsWith(
            "too little 1-minute data (240 whole 5-minute periods, a day is 288): the Azure");
    // Without noise, no line about it.
    assertThat(
            build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), NOISE)
                .models()
                .get(0)
                .describe())
        .noneMatch(d -> d.contains("minute noise") || d.contains("Azure"));
  }

  /** Measured figures the model cannot generate are clamped to what it can. */
  @Test
  void measuredFiguresAreClampedToWhatTheModelCanGenerate() {
    MinuteNoise.Model m = MinuteNoise.Model.clamped(4000, 7, -0.99, -0.99);
    assertThat(m.cv()).isEqualTo(2);
    assertThat(m.lag1()).isEqualTo(-0.9);
    assertThat(m.lag2()).isGreaterThan(2 * 0.81 - 1);
    assertThat(MinuteNoise.Model.clamped(4000, Double.NaN, Double.NaN, 0.2).cv()).isZero();
    double[] v = new MinuteNoise(m, 1, 5).apply(constant(50_000, 4000));
    assertThat(Arrays.stream(v).allMatch(x -> x >= 0 && Double.isFinite(x))).isTrue();
    assertThat(mean(v) / 4000).isCloseTo(1, within(0.05));
  }

  @Test
  void aMixedWindowAddsNoiseOnlyWhereTheDataIsCoarse() {
    int minutes = 4 * 1440;
    double level = MinuteNoise.REFERENCE_TPS;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, constant(minutes, level))
            .model(HAIKU, constant(minutes, level));
    // Half a day of 1-minute data: too little to measure, the Azure model's noise.
    Instant join = T0.plus(Duration.ofHours(3 * 24 + 12));
    List<Segment> parts = fiveMinutesThenOneMinute(join, T0.plus(Duration.ofDays(4)));

    HistoryTrace.Built built = build(HistoryConfigs.modelId(), cw, parts, NOISE);

    double[] v = built.trace().demand().get(SONNET);
    assertThat(v).hasSize(minutes);
    assertThat(cv(Arrays.copyOfRange(v, 0, 2 * 1440))).isGreaterThan(0.8);
    assertThat(Arrays.copyOfRange(v, 84 * 60, minutes)).containsOnly(level);
    assertThat(cw.reads)
        .containsExactly(T0 + ".." + join + "@300", join + ".." + parts.get(1).to() + "@60");
    assertThat(built.models().get(0).parts())
        .extracting(ModelHistory.Part::noise)
        .containsExactly(true, false);
  }

  /** One metric of a model missing for half an hour: a gap, interpolated, never a drop. */
  @Test
  void halfPresentMinutesAreAGapNotADrop() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, constant(minutes, 2000))
            .model(HAIKU, constant(minutes, 400))
            .dropOutput(SONNET, 600, 630);

    HistoryTrace.Built built =
        build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), NOISE);

    double[] v = built.trace().demand().get(SONNET);
    assertThat(Arrays.copyOfRange(v, 600, 630)).containsOnly(2000.0); // not 1000: half the tokens
    ModelHistory sonnet = built.models().get(0);
    assertThat(sonnet.parts().get(0).partial()).isEqualTo(30);
    assertThat(sonnet.gaps()).isEqualTo(1);
    assertThat(sonnet.longestGapSeconds()).isEqualTo(31 * 60);
    assertThat(String.join("\n", sonnet.describe()))
        .contains("30 partial periods")
        .contains("1 gap(s) interpolated, the longest 31 min");
    assertThat(built.models().get(1).parts().get(0).partial()).isZero();
  }

  @Test
  void aHalfPresentFiveMinutePeriodIsAGapToo() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, constant(minutes, 2000))
            .model(HAIKU, constant(minutes, 400))
            .dropOutput(SONNET, 600, 610); // two whole 5-minute periods

    HistoryTrace.Built built =
        build(HistoryConfigs.modelId(), cw, parts(FIVE_MINUTES, minutes), QUIET);

    assertThat(Arrays.copyOfRange(built.trace().demand().get(SONNET), 595, 615))
        .containsOnly(2000.0);
    assertThat(built.models().get(0).parts().get(0).partial()).isEqualTo(2);
  }

  @Test
  void minutesBedrockDidNotReportAreIdle() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, constant(minutes, 2000))
            .model(HAIKU, constant(minutes, 400))
            .silence(HAIKU, 120, 180);

    HistoryTrace.Built built =
        build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), NOISE);

    assertThat(Arrays.copyOfRange(built.trace().demand().get(HAIKU), 120, 180)).containsOnly(0.0);
    ModelHistory haiku = built.models().get(1);
    assertThat(haiku.parts().get(0).idle()).isEqualTo(60);
    assertThat(haiku.gaps()).isZero();
    assertThat(haiku.describe().get(0)).contains("60 idle periods (no invocations)");
  }

  @Test
  void minutesACustomMetricDidNotReportAreGaps() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .gauge(SONNET, constant(minutes, 3000))
            .gauge(HAIKU, constant(minutes, 500))
            .silence(HAIKU, 120, 130);

    HistoryTrace.Built built =
        build(HistoryConfigs.custom(), cw, parts(ONE_MINUTE, minutes), NOISE);

    assertThat(Arrays.copyOfRange(built.trace().demand().get(HAIKU), 120, 130)).containsOnly(500.0);
    assertThat(built.trace().demand().get(SONNET)).containsOnly(3000.0);
    ModelHistory haiku = built.models().get(1);
    assertThat(haiku.parts().get(0).missing()).isEqualTo(10);
    assertThat(haiku.gaps()).isEqualTo(1);
  }

  /** A custom metric's absurd values (negative, infinite): gaps, counted, never replayed. */
  @Test
  void aCustomMetricsNegativeOrInfiniteValuesAreGapsNotDemand() {
    int minutes = 1440;
    double[] haiku = constant(minutes, 500);
    Arrays.fill(haiku, 200, 205, -1e6);
    haiku[300] = Double.POSITIVE_INFINITY;
    FakeHistory cw =
        new FakeHistory(T0, minutes).gauge(SONNET, constant(minutes, 3000)).gauge(HAIKU, haiku);

    HistoryTrace.Built built =
        build(HistoryConfigs.custom(), cw, parts(ONE_MINUTE, minutes), NOISE);

    assertThat(built.trace().demand().get(HAIKU)).containsOnly(500.0);
    ModelHistory h = built.models().get(1);
    assertThat(h.parts().get(0).absurd()).isEqualTo(6);
    assertThat(h.parts().get(0).datapoints()).isEqualTo(minutes - 6);
    assertThat(h.gaps()).isEqualTo(2);
    assertThat(h.describe().get(0)).contains("6 periods not a number >= 0 (ignored: gaps)");
    assertThat(built.models().get(0).parts().get(0).absurd()).isZero();
  }

  @Test
  void aCustomMetricPublishedEveryFiveMinutesIsReadAsFiveMinuteData() {
    int minutes = 2 * 1440;
    double[] sparse = constant(minutes, MinuteNoise.REFERENCE_TPS);
    for (int m = 0; m < minutes; m++) {
      if (m % 5 != 0) {
        sparse[m] = Double.NaN;
      }
    }
    FakeHistory cw = new FakeHistory(T0, minutes).gauge(SONNET, sparse).gauge(HAIKU, sparse);

    HistoryTrace.Built built =
        build(HistoryConfigs.custom(), cw, parts(ONE_MINUTE, minutes), NOISE);

    ModelHistory sonnet = built.models().get(0);
    assertThat(sonnet.parts().get(0).spacingSeconds()).isEqualTo(300);
    assertThat(sonnet.parts().get(0).noise()).isTrue();
    assertThat(sonnet.gaps()).isZero();
    assertThat(sonnet.describe().get(0))
        .startsWith("1-minute periods, a datapoint every 5 min from ");
    assertThat(cv(built.trace().demand().get(SONNET))).isGreaterThan(0.8);
  }

  @Test
  void noDatapointAtAllIsRefused() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, constant(minutes, 0))
            .model(HAIKU, constant(minutes, 0))
            .silence(SONNET, 0, minutes)
            .silence(HAIKU, 0, minutes);

    assertThatThrownBy(() -> build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), NOISE))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("no data at all: CloudWatch returned no datapoint from " + T0)
        .hasMessageContaining("sonnet (source of sonnet), haiku (source of haiku)")
        .hasMessageContaining("check the region and aws.metrics");
  }

  @Test
  void oneModelWithoutAnyDatapointIsNamed() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .model(SONNET, constant(minutes, 100))
            .model(HAIKU, constant(minutes, 0))
            .silence(HAIKU, 0, minutes);

    assertThatThrownBy(() -> build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), NOISE))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("no data for CloudWatch returned no datapoint")
        .hasMessageContaining("haiku (source of haiku)")
        .hasMessageNotContaining("sonnet (");
  }

  @Test
  void aGapWiderThanMaxGapIsRefusedUnlessFilled() {
    int minutes = 3 * 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .gauge(SONNET, wave(minutes, 3000, 1000))
            .gauge(HAIKU, constant(minutes, 500))
            .silence(HAIKU, 2 * 1440 + 600, 2 * 1440 + 720);
    CapacityConfig custom = HistoryConfigs.custom();
    List<Segment> parts = parts(ONE_MINUTE, minutes);

    assertThatThrownBy(() -> build(custom, cw, parts, NOISE))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("a gap of 2 h 1 min in haiku from 2025-03-05T09:59:00Z")
        .hasMessageContaining("wider than --max-gap 1 h")
        .hasMessageContaining("--long-gaps linear or daily");

    HistoryTrace.Built linear =
        build(custom, cw, parts, new HistoryTrace.Options(null, LongGaps.LINEAR, 0, 1));
    assertThat(linear.models().get(1).longGaps())
        .singleElement()
        .asString()
        .startsWith("interpolated across a gap of 2 h 1 min in haiku");
    assertThat(linear.trace().demand().get(HAIKU)).containsOnly(500.0);

    HistoryTrace.Built wider =
        build(
            custom,
            cw,
            parts,
            new HistoryTrace.Options(Duration.ofHours(3), LongGaps.REFUSE, 0, 1));
    assertThat(wider.models().get(1).longGaps()).isEmpty();
    assertThat(wider.models().get(1).gaps()).isEqualTo(1);

    FakeHistory daily =
        new FakeHistory(T0, minutes)
            .gauge(SONNET, wave(minutes, 3000, 1000))
            .gauge(HAIKU, wave(minutes, 800, 300))
            .silence(HAIKU, 2 * 1440 + 600, 2 * 1440 + 720);
    double[] v =
        build(custom, daily, parts, new HistoryTrace.Options(null, LongGaps.DAILY, 0, 1))
            .trace()
            .demand()
            .get(HAIKU);
    for (int m = 2 * 1440 + 600; m < 2 * 1440 + 720; m++) {
      assertThat(v[m]).isEqualTo(v[m - 1440]);
    }
  }

  @Test
  void aModelSilentAtTheStartLongerThanMaxGapIsRefusedNamingWhereItsDataBegins() {
    int minutes = 1440;
    FakeHistory cw =
        new FakeHistory(T0, minutes)
            .gauge(SONNET, constant(minutes, 3000))
            .gauge(HAIKU, constant(minutes, 500))
            .silence(HAIKU, 0, 180);

    assertThatThrownBy(() -> build(HistoryConfigs.custom(), cw, parts(ONE_MINUTE, minutes), NOISE))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("haiku has no datapoint from " + T0 + " until 2025-03-03T03:00:00Z")
        .hasMessageContaining("--from 2025-03-03T03:00:00Z");

    // Within --max-gap, the first datapoint is held back to the start.
    cw.gauge(HAIKU, constant(minutes, 500)).silence(HAIKU, 0, 30);
    double[] v =
        build(HistoryConfigs.custom(), cw, parts(ONE_MINUTE, minutes), NOISE)
            .trace()
            .demand()
            .get(HAIKU);
    assertThat(Arrays.copyOfRange(v, 0, 30)).containsOnly(500.0);
  }

  /**
   * Days before any model reported anything (Bedrock not used yet in this region): the backtest
   * starts at the first datapoint and says so, rather than replaying days of silence that every
   * baseline would pay for and that would inflate the saving. Across a 5-minute then 1-minute
   * window, the 5-minute part cut at the first period with data.
   */
  @Test
  void daysWithoutAnyDatapointAtTheStartAreCutAndSaid() {
    int minutes = 4 * 1440;
    int silent = 2 * 1440 - 60; // up to 23:00 on day 2, inside the 5-minute part
    FakeHistory cw = steady(minutes).silence(SONNET, 0, silent).silence(HAIKU, 0, silent + 120);
    Instant join = T0.plus(Duration.ofDays(3));
    List<Segment> parts = fiveMinutesThenOneMinute(join, T0.plus(Duration.ofDays(4)));

    HistoryTrace.Built built = build(HistoryConfigs.modelId(), cw, parts, QUIET);

    Instant first = T0.plus(Duration.ofMinutes(silent));
    assertThat(built.trace().start()).isEqualTo(first);
    assertThat(built.trace().minutes()).isEqualTo(minutes - silent);
    assertThat(built.trace().demand().get(SONNET)).containsOnly(2000.0);
    // Haiku's two quiet hours after Sonnet's first datapoint are its own: idle, kept.
    assertThat(Arrays.copyOfRange(built.trace().demand().get(HAIKU), 0, 118)).containsOnly(0.0);
    assertThat(built.notes())
        .singleElement()
        .asString()
        .startsWith("no model reported any datapoint from " + T0 + " to " + first + " (47 h)")
        .contains("the backtest starts there")
        .contains("--from " + T0);
    assertThat(built.models().get(0).parts().get(0).segment().from()).isEqualTo(first);
    assertThat(built.models().get(0).parts().get(0).idle()).isZero();
  }

  @Test
  void daysWithoutAnyDatapointAtTheEndAreCutToo() {
    int minutes = 3 * 1440;
    FakeHistory cw = steady(minutes).silence(SONNET, 1440, minutes).silence(HAIKU, 1440, minutes);

    HistoryTrace.Built built =
        build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), QUIET);

    assertThat(built.trace().start()).isEqualTo(T0);
    assertThat(built.trace().minutes()).isEqualTo(1440);
    assertThat(built.notes()).singleElement().asString().contains("the backtest ends there");
  }

  /** A quiet night, a day at most, is the account's own idle time: replayed, not cut. */
  @Test
  void aDayOrLessWithoutTrafficAtAnEndIsTheAccountsOwnIdleTime() {
    int minutes = 3 * 1440;
    FakeHistory cw = steady(minutes).silence(SONNET, 0, 1440).silence(HAIKU, 0, 1440);

    HistoryTrace.Built built =
        build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), QUIET);

    assertThat(built.trace().start()).isEqualTo(T0);
    assertThat(built.trace().minutes()).isEqualTo(minutes);
    assertThat(Arrays.copyOfRange(built.trace().demand().get(SONNET), 0, 1440)).containsOnly(0.0);
    assertThat(built.notes()).isEmpty();
  }

  /** An explicit --from is the window the user asked for: its silence is replayed. */
  @Test
  void keepingSilentEndsReplaysTheWindowAsAsked() {
    int minutes = 4 * 1440;
    FakeHistory cw = steady(minutes).silence(SONNET, 0, 2 * 1440).silence(HAIKU, 0, 2 * 1440);

    HistoryTrace.Built built =
        build(
            HistoryConfigs.modelId(),
            cw,
            parts(ONE_MINUTE, minutes),
            new HistoryTrace.Options(null, LongGaps.REFUSE, 0, 7, true));

    assertThat(built.trace().start()).isEqualTo(T0);
    assertThat(built.trace().minutes()).isEqualTo(minutes);
    assertThat(built.notes()).isEmpty();
  }

  @Test
  void lessThanAnHourOfDataAfterDaysOfSilenceIsRefused() {
    int minutes = 4 * 1440;
    FakeHistory cw =
        steady(minutes)
            .silence(SONNET, 0, 2 * 1440)
            .silence(SONNET, 2 * 1440 + 20, minutes)
            .silence(HAIKU, 0, 2 * 1440)
            .silence(HAIKU, 2 * 1440 + 20, minutes);

    assertThatThrownBy(() -> build(HistoryConfigs.modelId(), cw, parts(ONE_MINUTE, minutes), QUIET))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("CloudWatch has datapoints only from 2025-03-05T00:00:00Z to")
        .hasMessageContaining("less than 1 h of traffic");
  }

  /** Sonnet at 2,000 tokens/s and Haiku at 400 every minute. */
  static FakeHistory steady(int minutes) {
    return new FakeHistory(T0, minutes)
        .model(SONNET, constant(minutes, 2000))
        .model(HAIKU, constant(minutes, 400));
  }

  static HistoryTrace.Built build(
      CapacityConfig config, FakeHistory cw, List<Segment> parts, HistoryTrace.Options o) {
    return HistoryTrace.build(config, cw, parts, m -> "source of " + m, o);
  }

  static List<Segment> parts(Resolution r, int minutes) {
    return List.of(new Segment(T0, T0.plus(Duration.ofMinutes(minutes)), r));
  }

  /** A window read at 5 minutes up to {@code join}, at 1 minute from there to {@code end}. */
  static List<Segment> fiveMinutesThenOneMinute(Instant join, Instant end) {
    return List.of(new Segment(T0, join, FIVE_MINUTES), new Segment(join, end, ONE_MINUTE));
  }

  static double[] constant(int minutes, double level) {
    double[] v = new double[minutes];
    Arrays.fill(v, level);
    return v;
  }

  /** A daily wave around {@code mean}. */
  static double[] wave(int minutes, double mean, double amplitude) {
    double[] v = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      v[m] = Math.round(10 * (mean + amplitude * Math.sin(2 * Math.PI * m / 1440.0))) / 10.0;
    }
    return v;
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  static double cv(double[] v) {
    double mean = mean(v);
    double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
    return Math.sqrt(var) / mean;
  }

  static double autocorrelation(double[] v, int lag) {
    double mean = mean(v);
    double num = 0;
    double den = 0;
    for (int i = 0; i < v.length; i++) {
      den += (v[i] - mean) * (v[i] - mean);
      if (i >= lag) {
        num += (v[i] - mean) * (v[i - lag] - mean);
      }
    }
    return num / den;
  }
}
