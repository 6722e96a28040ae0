package io.capacityctl.daemon;

import io.capacityctl.reconcile.PassReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What /healthz and /readyz report: the daemon is live while its scheduler runs passes (any
 * outcome: a failing pass is an alarm, not a reason to restart the container), ready once the first
 * pass is done and until it stops. Times are the controller's clock.
 */
final class DaemonStatus {
  private final Clock clock;
  private final Duration staleAfter;
  private Instant startedAt;
  private Instant lastPassAt;
  private String lastOutcome;
  private boolean stopping;

  /**
   * @param staleAfter a pass older than this (three intervals) makes the daemon not live
   */
  DaemonStatus(Clock clock, Duration staleAfter) {
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  synchronized void started() {
    startedAt = clock.instant();
  }

  synchronized void passed(PassReport r) {
    lastPassAt = clock.instant();
    lastOutcome = r.outcome().name();
  }

  synchronized void passCrashed(RuntimeException e) {
    lastPassAt = clock.instant();
    lastOutcome = "ERROR " + e;
  }

  synchronized void stopping() {
    stopping = true;
  }

  /** Live: started, not stopping, a pass (or the start) within {@code staleAfter}. */
  synchronized boolean live() {
    if (startedAt == null || stopping) {
      return false;
    }
    Instant last = lastPassAt != null ? lastPassAt : startedAt;
    return !clock.instant().isAfter(last.plus(staleAfter));
  }

  synchronized boolean ready() {
    return live() && lastPassAt != null;
  }

  synchronized Map<String, Object> view() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("live", live());
    v.put("ready", ready());
    v.put("stopping", stopping);
    v.put("now", String.valueOf(clock.instant()));
    v.put("startedAt", String.valueOf(startedAt));
    v.put("lastPassAt", String.valueOf(lastPassAt));
    v.put("lastOutcome", lastOutcome);
    return v;
  }
}
