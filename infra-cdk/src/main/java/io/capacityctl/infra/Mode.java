package io.capacityctl.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the controller runs in AWS: Lambda functions on EventBridge Scheduler, or one Fargate task.
 */
public enum Mode {
  LAMBDA,
  ECS;

  /** Parses the {@code mode} option; the error names the option and the accepted values. */
  public static Mode parse(String value) {
    for (Mode m : values()) {
      if (m.name().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "option 'mode': '" + value + "' is not one of " + accepted());
  }

  private static String accepted() {
    return Arrays.stream(values())
        .map(m -> m.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
