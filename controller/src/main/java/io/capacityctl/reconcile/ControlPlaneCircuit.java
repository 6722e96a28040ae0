package io.capacityctl.reconcile;

import io.capacityctl.state.CircuitState;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker around the Bedrock and ECS control plane, counted in passes. After {@code
 * openAfter} consecutive passes in which a call failed with a retryable kind (THROTTLING,
 * UNAVAILABLE) it opens: passes hold capacity and make no call, so a struggling API sees no churn
 * from us. After {@code coolDown} (by the injected clock) it half-opens: one pass acts; success
 * closes it, another failure re-opens it for a new cool-down.
 *
 * <p>What it remembers ({@link CircuitState}) is kept in the state table, written under the lease
 * by the pass that changed it ({@link Reconciler}), and read at the start of every pass: it spans
 * Lambda invocations and cold starts exactly as it spans passes in the daemon.
 */
public final class ControlPlaneCircuit {
  public static final int DEFAULT_OPEN_AFTER = 3;
  public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);

  /** Closed: act. Open: hold. Half-open: one pass may act. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int openAfter;
  private final Duration coolDown;
  private State state = State.CLOSED;
  private int failedPasses;
  private Instant openedAt;

  public ControlPlaneCircuit(int openAfter, Duration coolDown) {
    if (openAfter < 1 || coolDown.isNegative()) {
      throw new IllegalArgumentException("openAfter must be >= 1 and coolDown >= 0");
    }
    this.openAfter = openAfter;
    this.coolDown = coolDown;
  }

  public static ControlPlaneCircuit withDefaults() {
    return new ControlPlaneCircuit(DEFAULT_OPEN_AFTER, DEFAULT_COOL_DOWN);
  }

  /** Whether a pass at {@code now} may call the control plane; half-opens once cooled down. */
  public synchronized boolean allows(Instant now) {
    if (state == State.OPEN && !now.isBefore(reopensAt())) {
      state = State.HALF_OPEN;
    }
    return state != State.OPEN;
  }

  /** Records how a pass that was allowed ended: {@code retryableFailure} when a call failed so. */
  public synchronized void record(boolean retryableFailure, Instant now) {
    if (!retryableFailure) {
      state = State.CLOSED;
      failedPasses = 0;
      return;
    }
    failedPasses++;
    if (state == State.HALF_OPEN || failedPasses >= openAfter) {
      state = State.OPEN;
      openedAt = now;
    }
  }

  public synchronized State state() {
    return state;
  }

  /** What the next pass needs to know: consecutive failed passes, and when it opened. */
  public synchronized CircuitState snapshot() {
    return new CircuitState(failedPasses, state == State.CLOSED ? null : openedAt);
  }

  /** Takes up where the pass that saved {@code s} left it. */
  public synchronized void restore(CircuitState s) {
    failedPasses = s.failedPasses();
    openedAt = s.openedAt();
    state = openedAt == null ? State.CLOSED : State.OPEN;
  }

  /** When an open circuit lets a pass try again. */
  public synchronized Instant reopensAt() {
    return openedAt == null ? Instant.MIN : openedAt.plus(coolDown);
  }

  /** Why passes hold, for the report. */
  public synchronized String describe() {
    return String.format(
        "control-plane circuit open since %s after %d consecutive passes with THROTTLING or"
            + " UNAVAILABLE; half-opens at %s",
        openedAt, failedPasses, reopensAt());
  }
}
