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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin OutputOption output;

  /** One request over budget, as JSON shows it. */
  record Breach(String sample, int line, long tokens, int budget, long over, double overPercent) {
    static Breach of(BudgetBreach b) {
      return new Breach(b.sample(), b.line(), b.tokens(), b.budget(), b.over(), b.overPercent());
    }
  }

  /** One intent's samples against its budget; breaches largest first. */
  record Checked(
      String intent, int samples, long largestTokens, int budget, List<Breach> breaches) {}

  /** The whole check, as {@code --output json} prints it. */
  record Result(
      String source,
      boolean withinBudget,
      int requests,
      int overBudget,
      int intentsOverBudget,
      List<Checked> intents) {}

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
    List<Checked> checked = new ArrayList<>();
    int requests = 0;
    int over = 0;
    for (Intent intent : file.intents().values()) {
      List<SampleTokens> measured = measurer.measure(intent);
      List<BudgetBreach> breaches =
          BudgetCheck.breaches(intent, measured).stream()
              .sorted(Comparator.comparingLong(BudgetBreach::over).reversed())
              .toList();
      requests += measured.size();
      over += breaches.size();
      checked.add(
          new Checked(
              intent.name(),
              measured.size(),
              measured.stream().mapToLong(SampleTokens::total).max().orElse(0),
              intent.budgetTokensPerRequest(),
              breaches.stream().map(Breach::of).toList()));
    }
    Result result =
        new Result(
            file.source(),
            over == 0,
            requests,
            over,
            (int) checked.stream().filter(c -> !c.breaches().isEmpty()).count(),
            checked);
    if (output.json()) {
      Json.print(out, result);
    } else {
      printTable(out, result);
    }
    out.flush();
    return over == 0 ? TokensCommand.OK : TokensCommand.OVER_BUDGET;
  }

  private static void printTable(PrintWriter out, Result r) {
    for (Checked c : r.intents()) {
      out.printf(
          "%-4s %s: %d samples, largest %,d of %,d tokens (%.0f%%)%n",
          c.breaches().isEmpty() ? "ok" : "OVER",
          c.intent(),
          c.samples(),
          c.largestTokens(),
          c.budget(),
          100.0 * c.largestTokens() / c.budget());
      printBreaches(out, r.source(), c);
    }
    if (r.withinBudget()) {
      out.printf(
          "tokens check: %d requests of %d intents within budget%n",
          r.requests(), r.intents().size());
    } else {
      out.printf(
          "tokens check: %d of %d requests over budget in %d of %d intents%n",
          r.overBudget(), r.requests(), r.intentsOverBudget(), r.intents().size());
    }
  }

  private static void printBreaches(PrintWriter out, String source, Checked c) {
    c.breaches().stream()
        .limit(SHOWN_PER_INTENT)
        .forEach(
            b ->
                out.printf(
                    "     %s:%d: intent %s, %s: %,d tokens, budget %,d, over by %,d (+%.1f%%)%n",
                    source,
                    b.line(),
                    c.intent(),
                    b.sample(),
                    b.tokens(),
                    b.budget(),
                    b.over(),
                    b.overPercent()));
    if (c.breaches().size() > SHOWN_PER_INTENT) {
      out.printf("     ... and %d more over budget%n", c.breaches().size() - SHOWN_PER_INTENT);
    }
  }
}
