package io.capacityctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.tokens.intents.HistoryGenerator;
import io.capacityctl.tokens.intents.Intent;
import io.capacityctl.tokens.intents.IntentsFile;
import io.capacityctl.tokens.intents.IntentsLoader;
import io.capacityctl.tokens.intents.ShippedIntents;
import io.capacityctl.tokens.intents.TrafficWindow;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityEstimatorTest {
  private final PromptMeasurer measurer = new PromptMeasurer();

  @Test
  void fiftyTitleHistoriesCostAboutFourTimesTenTitleOnes() throws Exception {
    // The incident: load-tested with 10-title histories, real users had 50.
    Intent taste = IntentsLoader.load(ShippedIntents.path()).intents().get("taste-profile");
    Intent ten = taste.withSamples(HistoryGenerator.generate(100, 1, 10, 10, 0));
    Intent fifty = taste.withSamples(HistoryGenerator.generate(100, 1, 50, 50, 0));

    IntentEstimate small = IntentEstimate.of(ten, measurer.measure(ten));
    IntentEstimate large = IntentEstimate.of(fifty, measurer.measure(fifty));

    assertThat(large.mean() / small.mean()).isBetween(3.3, 4.7);
    assertThat((double) large.p50() / small.p50()).isBetween(3.3, 4.7);
    assertThat(large.peakTokensPerSecond() / small.peakTokensPerSecond()).isBetween(3.3, 4.7);
  }

  @Test
  void tokensPerRequestAreCalibratedInputPlusExpectedOutput() throws Exception {
    Intent qa = IntentsLoader.load(ShippedIntents.path()).intents().get("chapter-qa");
    TokenCounter counter = new TokenCounter(TokenEncoding.CL100K_BASE);

    List<SampleTokens> measured = measurer.measure(qa);

    assertThat(measured).hasSize(3);
    for (SampleTokens s : measured) {
      long counted = counter.count(qa.template().render(s.sample().values()));
      assertThat(s.counted()).isEqualTo(counted);
      assertThat(s.total()).isEqualTo(qa.calibration().apply(counted) + 100); // 200 x 0.5
    }
  }

  @Test
  void percentilesAreNearestRankOverSamples() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }

    assertThat(IntentEstimate.percentile(sorted, 50)).isEqualTo(50);
    assertThat(IntentEstimate.percentile(sorted, 95)).isEqualTo(95);
    assertThat(IntentEstimate.percentile(new long[] {7}, 95)).isEqualTo(7);
  }

  @Test
  void unitsCoverThePeakAtTargetUtilizationAndCostIsMonthly() throws Exception {
    IntentsFile file = IntentsLoader.load(ShippedIntents.path());

    EstimateReport report =
        new CapacityEstimator(measurer).estimate(file, TestConfigs.mangaassist());

    assertThat(report.models()).extracting(ModelEstimate::model).containsExactly("sonnet", "haiku");
    for (ModelEstimate m : report.models()) {
      double perUnit = m.tokensPerSecondPerUnit() * 0.8;
      assertThat(m.units() * perUnit).isGreaterThanOrEqualTo(m.peakTokensPerSecond());
      assertThat((m.units() - 1) * perUnit).isLessThan(m.peakTokensPerSecond());
      assertThat(m.monthlyUsd()).isCloseTo(m.units() * m.unitHourlyUsd() * 730, offset(1e-6));
    }
    double sonnetTps =
        report.intents().stream()
            .filter(i -> i.model().equals("sonnet"))
            .mapToDouble(i -> i.peakRequestsPerSecond() * i.mean())
            .sum();
    assertThat(report.models().get(0).peakTokensPerSecond()).isCloseTo(sonnetTps, offset(1e-6));
    assertThat(report.totalMonthlyUsd())
        .isCloseTo(
            report.models().stream().mapToDouble(ModelEstimate::monthlyUsd).sum(), offset(1e-6));
  }

  @Test
  void unitsAboveTheQuotaAreFlagged() {
    ModelEstimate exact =
        CapacityEstimator.modelEstimate(TestConfigs.mangaassist().model("haiku"), 3200, 0.8);
    ModelEstimate over =
        CapacityEstimator.modelEstimate(TestConfigs.mangaassist().model("haiku"), 3201, 0.8);

    assertThat(exact.units()).isEqualTo(2); // 3200 / (2000 x 0.8) exactly: no extra unit
    assertThat(exact.overQuota()).isFalse();
    assertThat(over.units()).isEqualTo(3);
    assertThat(over.overQuota()).isTrue();
  }

  @Test
  void scheduleWindowsScaleEachModelsPeakByTheTrafficShare() throws Exception {
    IntentsFile file = IntentsLoader.load(ShippedIntents.path());

    EstimateReport report =
        new CapacityEstimator(measurer).estimate(file, TestConfigs.mangaassist());

    assertThat(report.schedule()).hasSize(4);
    ExpectedTpsWindow evening = report.schedule().get(3);
    assertThat(evening.from()).isEqualTo(LocalTime.of(17, 0));
    assertThat(evening.to()).isEqualTo(LocalTime.of(2, 0));
    assertThat(evening.expectedTps().get("sonnet"))
        .isEqualTo((long) Math.ceil(report.models().get(0).peakTokensPerSecond()));
    assertThat(report.schedule().get(1).expectedTps().get("haiku"))
        .isEqualTo((long) Math.ceil(report.models().get(1).peakTokensPerSecond() * 0.35));
  }

  @Test
  void expectedTpsRoundsUpButNotThroughFloatingPointNoise() {
    List<ExpectedTpsWindow> windows =
        ExpectedTpsWindow.fromTraffic(
            Map.of("sonnet", 3000.0, "haiku", 3000.2),
            List.of(new TrafficWindow(LocalTime.of(6, 0), LocalTime.of(12, 0), 0.55, 1)));

    assertThat(windows.get(0).expectedTps())
        .containsEntry("sonnet", 1650L)
        .containsEntry("haiku", 1651L);
  }

  @Test
  void withoutATrafficShapeThePeakHoldsAllDay() {
    List<ExpectedTpsWindow> windows =
        ExpectedTpsWindow.fromTraffic(Map.of("sonnet", 1234.2), List.of());

    assertThat(windows).hasSize(1);
    assertThat(windows.get(0).from()).isEqualTo(windows.get(0).to()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(windows.get(0).expectedTps()).containsEntry("sonnet", 1235L);
  }

  @Test
  void intentOnAModelTheConfigDoesNotHaveIsAnErrorAtTheIntent() throws Exception {
    IntentsFile file = IntentsLoader.load(ShippedIntents.path());
    Intent qa = file.intents().get("chapter-qa");
    Intent renamed =
        new Intent(
            qa.name(),
            "opus",
            qa.peakRequestsPerSecond(),
            qa.templateSource(),
            qa.template(),
            qa.samples(),
            qa.maxOutputTokens(),
            qa.outputRatio(),
            qa.budgetTokensPerRequest(),
            qa.calibration(),
            qa.line());
    IntentsFile bad = new IntentsFile(file.source(), Map.of("chapter-qa", renamed), List.of());

    assertThatThrownBy(
            () -> new CapacityEstimator(measurer).estimate(bad, TestConfigs.mangaassist()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::source, ConfigError::line, ConfigError::field)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            file.source(), qa.line(), "intents.chapter-qa.model")));
  }
}
