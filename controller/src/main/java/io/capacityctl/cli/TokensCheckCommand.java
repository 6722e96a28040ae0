package io.capacityctl.cli;

import io.capacityctl.config.ConfigException;
import io.capacityctl.tokens.BudgetBreach;
import io.capacityctl.tokens.BudgetCheck;
import io.capacityctl.tokens.PromptMeasurer;
import io.capacityctl.tokens.SampleTokens;
import io.capacityctl.tokens.intents.Intent;
import io.capacityctl.tokens.intents.IntentsFile;
import io.capacityctl.tokens.intents.IntentsLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capacityctl tokens check}: the CI guard that no request outgrows its intent's budget. */
@Command(
    name = "check",
    description = {
      "Fail when any sample of any intent needs more tokens per request (input + expected output)"
          + " than the intent's budgetTokensPerRequest.",
      "Exit codes: 0 within budget, 1 over budget, 2 bad input."
    })
final class TokensCheckCommand implements Callable<Integer> {
  /** Breaches listed per intent; the rest are counted, the worst are the ones to read. */
  static final int SHOWN_PER_INTENT = 10;

  @Spec CommandSpec spec;

  @Option(names = "--intents", required = true, paramLabel = "FILE", description = "intents file")
  Path intents;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IntentsFile file;
    try {
      file = IntentsLoader.load(intents);
    } catch (ConfigException e) {
      return TokensCommand.badInput(spec.commandLine().getErr(), "check", e);
    }
    PromptMeasurer measurer = new PromptMeasurer();
    int requests = 0;
    int over = 0;
    int intentsOver = 0;
    for (Intent intent : file.intents().values()) {
      List<SampleTokens> measured = measurer.measure(intent);
      List<BudgetBreach> breaches = BudgetCheck.breaches(intent, measured);
      long largest = measured.stream().mapToLong(SampleTokens::total).max().orElse(0);
      requests += measured.size();
      over += breaches.size();
      intentsOver += breaches.isEmpty() ? 0 : 1;
      out.printf(
          "%-4s %s: %d samples, largest %,d of %,d tokens (%.0f%%)%n",
          breaches.isEmpty() ? "ok" : "OVER",
          intent.name(),
          measured.size(),
          largest,
          intent.budgetTokensPerRequest(),
          100.0 * largest / intent.budgetTokensPerRequest());
      printBreaches(out, file.source(), breaches);
    }
    if (over == 0) {
      out.printf(
          "tokens check: %d requests of %d intents within budget%n",
          requests, file.intents().size());
    } else {
      out.printf(
          "tokens check: %d of %d requests over budget in %d of %d intents%n",
          over, requests, intentsOver, file.intents().size());
    }
    out.flush();
    return over == 0 ? TokensCommand.OK : TokensCommand.OVER_BUDGET;
  }

  private static void printBreaches(PrintWriter out, String source, List<BudgetBreach> breaches) {
    breaches.stream()
        .sorted(Comparator.comparingLong(BudgetBreach::over).reversed())
        .limit(SHOWN_PER_INTENT)
        .forEach(
            b ->
                out.printf(
                    "     %s:%d: intent %s, %s: %,d tokens, budget %,d, over by %,d (+%.1f%%)%n",
                    source,
                    b.line(),
                    b.intent(),
                    b.sample(),
                    b.tokens(),
                    b.budget(),
                    b.over(),
                    b.overPercent()));
    if (breaches.size() > SHOWN_PER_INTENT) {
      out.printf("     ... and %d more over budget%n", breaches.size() - SHOWN_PER_INTENT);
    }
  }
}
