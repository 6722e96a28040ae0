package io.capacityctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenDriftTest {
  private final Map<String, Integer> budgets = new LinkedHashMap<>();

  {
    budgets.put("taste-profile", 800);
    budgets.put("recommendation", 600);
    budgets.put("chapter-qa", 450);
  }

  @Test
  void overBudgetIntentsComeWithTheirRatioWorstFirst() {
    DriftReport report =
        TokenDrift.compare(
            Map.of("taste-profile", 3200.0, "recommendation", 660.0, "chapter-qa", 300.0), budgets);

    assertThat(report.overBudget())
        .extracting(DriftRatio::intent, DriftRatio::ratio)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("taste-profile", 4.0),
            org.assertj.core.groups.Tuple.tuple("recommendation", 1.1));
    assertThat(report.ratios()).hasSize(3);
    assertThat(report.ratios().get(2).overBudget()).isFalse();
  }

  @Test
  void exactlyAtBudgetIsNotOver() {
    assertThat(TokenDrift.compare(Map.of("chapter-qa", 450.0), budgets).overBudget()).isEmpty();
  }

  @Test
  void missingObservationsAreReportedNotTakenAsWithinBudget() {
    DriftReport report =
        TokenDrift.compare(Map.of("taste-profile", Double.NaN, "legacy-intent", 10.0), budgets);

    assertThat(report.ratios()).isEmpty();
    assertThat(report.unobserved())
        .containsExactly("taste-profile", "recommendation", "chapter-qa");
    assertThat(report.unknown()).containsExactly("legacy-intent");
  }

  @Test
  void negativeObservationIsABug() {
    assertThatThrownBy(() -> TokenDrift.compare(Map.of("chapter-qa", -1.0), budgets))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metricNameIsTheOneAlarmsUse() {
    assertThat(TokenDrift.METRIC_NAME).isEqualTo("TokensPerIntentOverBudget");
  }
}
