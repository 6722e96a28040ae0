package io.capacityctl.tokens;

/**
 * One request over its intent's budget.
 *
 * @param sample the sample's label, e.g. {@code samples[2]}
 * @param line the sample's line in the intents file
 */
public record BudgetBreach(String intent, String sample, int line, long tokens, int budget) {
  public long over() {
    return tokens - budget;
  }

  public double overPercent() {
    return 100.0 * over() / budget;
  }
}
