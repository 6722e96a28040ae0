package io.capacityctl.cli;

import io.capacityctl.config.PolicyConfig;
import io.capacityctl.operator.RefusedException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --floors}: capacityctl also run with each model's {@code minUnits} raised to a share of
 * its {@code maxUnits}, at the configuration's budget. One rule for simulate and backtest.
 *
 * <p>Why a second axis: where the throttling within the quota falls in minutes busier than any in
 * the week before them, a tighter budget buys almost nothing (the headroom rises at most to what
 * the week showed), and a floor held all day is what meets the budget. Its price depends on the
 * traffic, so it is priced on the user's own trace rather than advised in the docs.
 */
final class FloorsOption {
  static final String DEFAULT_FLOORS = "50%,75%,90%,100%";

  // Converted in floors(), not by picocli: with an optional value, picocli would take a value it
  // cannot convert for a stray argument and never name the option.
  @Option(
      names = "--floors",
      arity = "0..1",
      split = ",",
      paramLabel = "SHARES",
      fallbackValue = DEFAULT_FLOORS,
      description =
          "Also run capacityctl with each model's minUnits raised to each of these shares of its"
              + " maxUnits (comma-separated, 0 to 100%%, rounded up to a unit), at the configured"
              + " throttle budget: what holding a floor costs and saves on this trace, beside the"
              + " frontier. Without a value: ${FALLBACK-VALUE}.")
  List<String> values = List.of();

  /**
   * The shares asked for, from 0 to 1.
   *
   * @throws RefusedException naming --floors and the value (exit 2), before anything runs
   */
  List<Double> floors() {
    List<Double> out = new ArrayList<>();
    for (String v : values) {
      out.add(parse(v));
    }
    return out;
  }

  static double parse(String value) {
    Double share = PolicyConfig.parseShare(value);
    if (share != null && share >= 0 && share <= 1) {
      return share + 0.0; // -0 is 0
    }
    throw new RefusedException(
        "--floors",
        "'"
            + value
            + "' is not a floor: use a share of maxUnits from 0 to 100%, such as 75% or 0.75");
  }
}
