package io.capacityctl.cli;

import io.capacityctl.backtest.PolicyName;
import io.capacityctl.operator.RefusedException;
import picocli.CommandLine.Option;

/** {@code --report-baseline}: the policy the HTML report of simulate and backtest compares. */
final class ReportBaselineOption {
  @Option(
      names = "--report-baseline",
      paramLabel = "NAME",
      defaultValue = "schedule-only",
      description = "The policy --report charts against capacityctl (default ${DEFAULT-VALUE}).")
  String name;

  /**
   * The policy {@code --report} charts against capacityctl.
   *
   * @throws RefusedException for an unknown policy, or capacityctl itself (exit 2)
   */
  PolicyName policy() {
    PolicyName baseline = PolicyName.of(name);
    if (baseline == null) {
      throw new RefusedException("--report-baseline", SimulateCommand.unknownPolicy(name));
    }
    if (baseline == PolicyName.CAPACITYCTL) {
      throw new RefusedException(
          "--report-baseline", "capacityctl is always charted; name the policy to compare");
    }
    return baseline;
  }
}
