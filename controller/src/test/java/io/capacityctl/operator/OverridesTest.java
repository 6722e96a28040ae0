package io.capacityctl.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverridesTest {
  static final Instant T0 = Instant.parse("2027-01-10T15:00:00Z");
  static final String ALICE = "arn:aws:sts::123456789012:assumed-role/ops/alice";

  private final InMemoryStateStore state = new InMemoryStateStore(new InMemoryLeaseTable());
  private final FakeClock clock = new FakeClock(T0);
  private final Overrides overrides =
      new Overrides(SimAccounts.mangaAssist(), state, CallerIdentity.fixed(ALICE), clock);

  @Test
  void setStoresTheOverrideUntilItsExpiryAndAuditsTheCaller() {
    CapacityOverride o = overrides.set("sonnet", 30, false, Duration.ofHours(6), "final chapter");

    assertThat(o.who()).isEqualTo(ALICE);
    assertThat(o.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
    assertThat(overrides.active()).containsExactly(o);
    AuditEntry audit = state.recentAudit(1).get(0);
    assertThat(audit.actor()).isEqualTo(ALICE);
    assertThat(audit.kind()).isEqualTo("override-set");
    assertThat(audit.target()).isEqualTo("sonnet");
    assertThat(audit.detail()).contains("sonnet 30 units").contains("final chapter");
    assertThat(audit.fencingToken()).isZero();

    clock.advance(Duration.ofHours(6));
    assertThat(overrides.active()).isEmpty();
  }

  @Test
  void refusalsNameTheOptionAndChangeNothing() {
    assertRefused(() -> overrides.set("sonnet", 30, false, Duration.ofHours(1), " "), "--reason");
    assertRefused(
        () -> overrides.set("sonnet", 30, false, Duration.ofDays(7).plusSeconds(1), "x"), "--for");
    assertRefused(() -> overrides.set("sonnet", 30, false, Duration.ZERO, "x"), "--for");
    assertRefused(() -> overrides.set("sonnet", 61, false, Duration.ofHours(1), "x"), "--units");
    assertRefused(() -> overrides.set("ecs", 161, false, Duration.ofHours(1), "x"), "--tasks");
    assertRefused(() -> overrides.set("opus", 1, false, Duration.ofHours(1), "x"), "--model");
    assertRefused(() -> overrides.clear("sonnet", ""), "--reason");

    assertThat(state.activeOverrides(T0)).isEmpty();
    assertThat(state.recentAudit(10)).isEmpty();
  }

  @Test
  void pauseAndClearAreAudited() {
    overrides.set("ecs", 0, true, Duration.ofDays(7), "incident 42");

    assertThat(overrides.active()).singleElement().satisfies(o -> assertThat(o.pause()).isTrue());
    assertThat(overrides.clear("ecs", "incident over")).isTrue();
    assertThat(overrides.clear("ecs", "again")).isFalse();

    assertThat(overrides.active()).isEmpty();
    assertThat(state.recentAudit(10))
        .extracting(AuditEntry::kind)
        .containsExactly("override-set", "override-clear");
  }

  private static void assertRefused(Runnable r, String option) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RefusedException.class)
        .satisfies(e -> assertThat(((RefusedException) e).option()).isEqualTo(option));
  }
}
