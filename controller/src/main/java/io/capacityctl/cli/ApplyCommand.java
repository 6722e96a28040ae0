package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.reconcile.Commands;
import io.capacityctl.reconcile.DegradationLevel;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.LeaseTerms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code capacityctl apply}: the commands of one pass computed once, shown, confirmed, then run
 * exactly under the lease — or refused (exit 3, saying what moved) when a fresh look under the
 * lease would command something else. The lease is given back at once so a scheduled controller
 * resumes on its next tick.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Plan, ask for confirmation (unless --yes), then run exactly what was shown under the lease.",
      "Refused (exit 3) while a running controller holds the lease: steer it with 'override';",
      "refused too (exit 3, saying what moved) when the state changed since the plan was shown."
    })
final class ApplyCommand extends GraphCommand {
  @Option(names = "--yes", description = "Apply without asking.")
  boolean yes;

  ApplyCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    Reconciler observer = graph.reconcilers().observer();
    Commands shown = observer.commands();
    PassReport plan = observer.dryRun(shown);
    if (!json()) {
      PassPrinter.print(out, plan, false);
    }
    if (shown.isEmpty()) {
      printJson(out, plan, null);
      return plan.warnings().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
    String holder =
        LeaseTerms.cliHolder(
            graph.caller().arn(), LeaseTerms.host(), ProcessHandle.current().pid());
    if (!yes && !env.whileAsking(() -> confirmed(plan.actions().size(), holder))) {
      env.err().println("not applied");
      printJson(out, plan, null);
      return ExitCodes.NOT_APPLIED;
    }
    Reconciler reconciler = graph.reconcilers().create(holder, LeaseTerms.DEFAULT_TTL);
    PassReport pass;
    try {
      pass = reconciler.apply(shown);
    } finally {
      reconciler.releaseLease();
    }
    if (json()) {
      printJson(out, plan, pass);
    } else {
      out.println();
      PassPrinter.print(out, pass, false);
    }
    if (pass.outcome() == PassReport.Outcome.REFUSED) {
      env.err().println("not applied: the state moved since the plan was shown; run apply again");
    } else if (pass.degradation() == DegradationLevel.HOLD) {
      env.err().println("not applied: the control-plane circuit is open (see warnings)");
      return ExitCodes.NOT_APPLIED;
    }
    return switch (pass.outcome()) {
      case ACTED, NO_CHANGE, PLANNED -> ExitCodes.OK;
      case SKIPPED_LEASE_HELD, REFUSED -> ExitCodes.NOT_APPLIED;
      case FAILED -> ExitCodes.PROBLEM;
    };
  }

  private void printJson(PrintWriter out, PassReport plan, PassReport applied) {
    if (json()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("plan", plan);
      v.put("applied", applied);
      Json.print(out, v);
    }
  }

  /** Asks on stderr, so stdout stays the command's result. */
  private boolean confirmed(int changes, String holder) {
    PrintWriter out = env.err();
    out.printf("apply %d change%s as %s? [y/N] ", changes, changes == 1 ? "" : "s", holder);
    out.flush();
    try {
      String answer = env.in().readLine();
      String a = answer == null ? "" : answer.trim();
      return a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
