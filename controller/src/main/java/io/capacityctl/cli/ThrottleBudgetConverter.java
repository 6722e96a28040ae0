package io.capacityctl.cli;

import io.capacityctl.config.PolicyConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Throttle budgets as the configuration takes them: {@code 0.0001} or {@code 0.01%}. */
final class ThrottleBudgetConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    Double v = PolicyConfig.parseThrottleBudget(value);
    if (v == null || v < 0 || v > PolicyConfig.MAX_THROTTLE_BUDGET) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a throttle budget: use a share of tokens from 0 to 5%, such as 0.01%"
              + " or 0.0001");
    }
    return v + 0.0; // -0 is 0: one budget, listed once
  }
}
