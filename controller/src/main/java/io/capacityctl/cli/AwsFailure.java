package io.capacityctl.cli;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsHistoryModule;
import io.capacityctl.ports.CloudException;
import java.util.stream.Collectors;

/** An AWS error as one line a read-only user can act on: what was refused and what to grant. */
final class AwsFailure {
  private AwsFailure() {}

  static String oneLine(CloudException e) {
    String detail = firstLine(e.getMessage());
    return switch (e.kind()) {
      case ACCESS_DENIED ->
          "error: access denied to "
              + e.action()
              + ": grant the credentials "
              + e.action()
              + " (backtest reads only: "
              + AwsHistoryModule.READ_ACTIONS.stream()
                  .map(AwsAction::iamAction)
                  .sorted()
                  .collect(Collectors.joining(", "))
              + ") ["
              + detail
              + "]";
      case THROTTLING ->
          "error: "
              + e.action()
              + " throttled after the SDK's retries: run again in a minute, or read a shorter"
              + " window (--since) ["
              + detail
              + "]";
      case UNAVAILABLE ->
          "error: "
              + e.action()
              + " failed after the SDK's retries (AWS unavailable, the network, or no answer in"
              + " time): run again, or read a shorter window (--since) ["
              + detail
              + "]";
      default -> "error: " + detail;
    };
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
