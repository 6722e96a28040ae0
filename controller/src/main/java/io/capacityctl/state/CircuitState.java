package io.capacityctl.state;

import java.time.Instant;

/**
 * What the control-plane circuit remembers between passes, kept in the state table so that it
 * survives Lambda invocations and cold starts as it survives passes in the daemon.
 *
 * @param failedPasses consecutive passes that ended with a THROTTLING or UNAVAILABLE call
 * @param openedAt when it last opened; null while closed
 */
public record CircuitState(int failedPasses, Instant openedAt) {
  public static final CircuitState CLOSED = new CircuitState(0, null);
}
