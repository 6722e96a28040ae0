package io.capacityctl.tokens;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drift of production token use from the intents' budgets.
 *
 * @param ratios every intent with both a budget and an observation, in budget order
 * @param unobserved intents with a budget but no (finite) observation: missing data, never "fine"
 * @param unknown observed intents that no intents file budgets
 */
public record DriftReport(List<DriftRatio> ratios, Set<String> unobserved, Set<String> unknown) {
  public DriftReport {
    ratios = List.copyOf(ratios);
    unobserved = Collections.unmodifiableSet(new LinkedHashSet<>(unobserved));
    unknown = Collections.unmodifiableSet(new LinkedHashSet<>(unknown));
  }

  /** The intents over budget, worst first. */
  public List<DriftRatio> overBudget() {
    return ratios.stream()
        .filter(DriftRatio::overBudget)
        .sorted((a, b) -> Double.compare(b.ratio(), a.ratio()))
        .toList();
  }
}
