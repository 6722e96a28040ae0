package io.capacityctl.tokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares observed tokens per request per intent (e.g. custom metric {@code
 * MangaAssist/TokensPerIntent}, dimension {@code Intent}) with the intents' budgets. Pure: the
 * caller reads the metric and publishes {@link #METRIC_NAME} with each ratio, dimension {@code
 * Intent}, so one alarm at threshold 1.0 covers every intent.
 */
public final class TokenDrift {
  /** The metric whose value is an intent's observed / budgeted tokens per request. */
  public static final String METRIC_NAME = "TokensPerIntentOverBudget";

  private TokenDrift() {}

  /**
   * @param observedTokensPerRequest intent to mean input + output tokens per request over the
   *     window; a non-finite value counts as no observation
   * @param budgets intent to budget in tokens per request ({@code IntentsFile.budgets()})
   */
  public static DriftReport compare(
      Map<String, Double> observedTokensPerRequest, Map<String, Integer> budgets) {
    List<DriftRatio> ratios = new ArrayList<>();
    Set<String> unobserved = new LinkedHashSet<>();
    budgets.forEach(
        (intent, budget) -> {
          Double observed = observedTokensPerRequest.get(intent);
          if (observed == null || !Double.isFinite(observed)) {
            unobserved.add(intent);
          } else if (observed < 0) {
            throw new IllegalArgumentException(
                "observed tokens per request of " + intent + " is negative: " + observed);
          } else {
            ratios.add(new DriftRatio(intent, observed, budget, observed / budget));
          }
        });
    Set<String> unknown = new LinkedHashSet<>(observedTokensPerRequest.keySet());
    unknown.removeAll(budgets.keySet());
    return new DriftReport(ratios, unobserved, unknown);
  }
}
