package io.capacityctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.reconcile.PassReport;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonStatusTest {
  static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

  @Test
  void liveWhilePassesAreRecentReadyAfterTheFirstAndNeitherWhenStopping() {
    FakeClock clock = new FakeClock(T0);
    DaemonStatus s = new DaemonStatus(clock, Duration.ofMinutes(3));
    assertThat(s.live()).isFalse(); // not started

    s.started();
    assertThat(s.live()).isTrue(); // grace from the start
    assertThat(s.ready()).isFalse();

    clock.advance(Duration.ofMinutes(1));
    s.passed(pass(PassReport.Outcome.FAILED)); // a failing pass is still a live scheduler
    assertThat(s.ready()).isTrue();

    clock.advance(Duration.ofMinutes(3));
    assertThat(s.live()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(s.live()).isFalse(); // no pass for more than three intervals
    assertThat(s.ready()).isFalse();

    s.passCrashed(new IllegalStateException("boom"));
    assertThat(s.live()).isTrue();
    assertThat(s.view().get("lastOutcome")).asString().contains("boom");

    s.stopping();
    assertThat(s.live()).isFalse();
    assertThat(s.ready()).isFalse();
  }

  private static PassReport pass(PassReport.Outcome outcome) {
    return new PassReport(T0, outcome, "daemon:x", 1, null, List.of(), List.of(), List.of());
  }
}
