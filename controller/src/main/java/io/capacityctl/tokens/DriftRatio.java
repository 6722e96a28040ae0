package io.capacityctl.tokens;

/**
 * One intent's observed tokens per request against its budget.
 *
 * @param ratio {@code observed / budget}: the value published as {@link TokenDrift#METRIC_NAME};
 *     above 1 the intent is over budget
 */
public record DriftRatio(
    String intent, double observedTokensPerRequest, int budgetTokensPerRequest, double ratio) {
  public boolean overBudget() {
    return ratio > 1;
  }
}
