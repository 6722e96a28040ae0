package io.capacityctl.tokens;

import io.capacityctl.tokens.intents.Intent;
import java.util.List;

/** The CI guard: every request an intent's samples make must fit the intent's budget. */
public final class BudgetCheck {
  private BudgetCheck() {}

  /** The samples of {@code intent} whose input + expected output exceeds its budget. */
  public static List<BudgetBreach> breaches(Intent intent, List<SampleTokens> measured) {
    return measured.stream()
        .filter(s -> s.total() > intent.budgetTokensPerRequest())
        .map(
            s ->
                new BudgetBreach(
                    intent.name(),
                    s.sample().label(),
                    s.sample().line(),
                    s.total(),
                    intent.budgetTokensPerRequest()))
        .toList();
  }
}
