package io.capacityctl.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.EventSpec;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneOffEventsTest {
  static final Instant T0 = Instant.parse("2027-01-10T15:00:00Z");

  private final InMemoryStateStore state = new InMemoryStateStore(new InMemoryLeaseTable());
  private final OneOffEvents events =
      new OneOffEvents(
          SimAccounts.mangaAssist(), state, CallerIdentity.fixed("alice"), new FakeClock(T0));

  @Test
  void addedEventsAreListedAfterTheFilesAndAudited() {
    EventSpec e = event("series-finale", null, Set.of("sonnet"));
    events.add(e);

    assertThat(events.list())
        .extracting(l -> l.event().name() + "/" + l.source())
        .containsExactly("weekly-release/FILE", "final-chapter/FILE", "series-finale/STATE");
    assertThat(state.recentAudit(1).get(0))
        .extracting(AuditEntry::actor, AuditEntry::kind)
        .containsExactly("alice", "event-add");

    assertThat(events.remove("series-finale")).isTrue();
    assertThat(events.remove("series-finale")).isFalse();
    assertThat(state.extraEvents()).isEmpty();
  }

  @Test
  void refusalsNameTheOptionAndChangeNothing() {
    assertRefused(() -> events.add(event("final-chapter", null, Set.of())), "--name");
    assertRefused(() -> events.add(event("x", "not a cron", Set.of())), "--cron");
    assertRefused(() -> events.add(event("x", null, Set.of("opus"))), "--models");
    assertRefused(() -> events.remove("weekly-release"), "--name");

    assertThat(state.extraEvents()).isEmpty();
    assertThat(state.recentAudit(10)).isEmpty();
  }

  private static EventSpec event(String name, String cron, Set<String> models) {
    return new EventSpec(
        name,
        cron,
        cron == null ? OffsetDateTime.parse("2027-01-18T00:00:00+09:00") : null,
        Duration.ofHours(8),
        5.0,
        Duration.ofHours(4),
        models);
  }

  private static void assertRefused(Runnable r, String option) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RefusedException.class)
        .satisfies(e -> assertThat(((RefusedException) e).option()).isEqualTo(option));
  }
}
