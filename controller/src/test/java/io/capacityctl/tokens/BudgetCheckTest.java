package io.capacityctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.tokens.intents.Intent;
import io.capacityctl.tokens.intents.IntentsLoader;
import io.capacityctl.tokens.intents.ShippedIntents;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetCheckTest {
  private final PromptMeasurer measurer = new PromptMeasurer();

  @Test
  void samplesOverTheBudgetAreNamedWithTheirExcess() throws Exception {
    Intent qa = IntentsLoader.load(ShippedIntents.path()).intents().get("chapter-qa");
    List<SampleTokens> measured = measurer.measure(qa);
    long largest = measured.stream().mapToLong(SampleTokens::total).max().orElseThrow();
    Intent tight = withBudget(qa, (int) largest - 1);

    List<BudgetBreach> breaches = BudgetCheck.breaches(tight, measured);

    assertThat(breaches).hasSize(1);
    BudgetBreach b = breaches.get(0);
    assertThat(b.intent()).isEqualTo("chapter-qa");
    assertThat(b.tokens()).isEqualTo(largest);
    assertThat(b.over()).isEqualTo(1);
    assertThat(b.sample()).startsWith("samples[");
    assertThat(b.line()).isPositive();
  }

  @Test
  void aRequestExactlyAtTheBudgetPasses() throws Exception {
    Intent qa = IntentsLoader.load(ShippedIntents.path()).intents().get("chapter-qa");
    List<SampleTokens> measured = measurer.measure(qa);
    long largest = measured.stream().mapToLong(SampleTokens::total).max().orElseThrow();

    assertThat(BudgetCheck.breaches(withBudget(qa, (int) largest), measured)).isEmpty();
  }

  static Intent withBudget(Intent i, int budget) {
    return new Intent(
        i.name(),
        i.model(),
        i.peakRequestsPerSecond(),
        i.templateSource(),
        i.template(),
        i.samples(),
        i.maxOutputTokens(),
        i.outputRatio(),
        budget,
        i.calibration(),
        i.line());
  }
}
