package io.capacityctl.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.EventSpec;
import io.capacityctl.ports.CloudException;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.StateStore;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.time.FakeClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 3: with a write the state table refused, the audit log still said "event-add ...
 * xInfinity". The audit entry is written only after the write it records succeeded.
 */
class NoAuditWithoutWriteTest {
  static final Instant T0 = Instant.parse("2027-01-10T15:00:00Z");

  private final InMemoryStateStore memory = new InMemoryStateStore(new InMemoryLeaseTable());
  private final StateStore refusingWrites = refusing(memory, "putEvent", "putOverride");
  private final FakeClock clock = new FakeClock(T0);

  @Test
  void anEventTheTableRefusesIsNotAudited() {
    OneOffEvents events =
        new OneOffEvents(
            SimAccounts.mangaAssist(), refusingWrites, CallerIdentity.fixed("alice"), clock);
    EventSpec e =
        new EventSpec(
            "series-finale",
            null,
            OffsetDateTime.parse("2027-01-18T00:00:00+09:00"),
            Duration.ofHours(8),
            5.0,
            Duration.ofHours(4),
            Set.of());

    assertThat(catchThrowable(() -> events.add(e))).isInstanceOf(CloudException.class);
    assertThat(memory.recentAudit(10)).isEmpty();
  }

  @Test
  void anOverrideTheTableRefusesIsNotAudited() {
    Overrides overrides =
        new Overrides(
            SimAccounts.mangaAssist(), refusingWrites, CallerIdentity.fixed("alice"), clock);

    assertThat(
            catchThrowable(
                () -> overrides.set("sonnet", 20, false, Duration.ofHours(2), "rehearsal")))
        .isInstanceOf(CloudException.class);
    assertThat(memory.recentAudit(10)).isEmpty();
  }

  /** {@code store}, except that the named methods fail as a refused DynamoDB write would. */
  static StateStore refusing(StateStore store, String... methods) {
    Set<String> refused = Set.of(methods);
    return (StateStore)
        Proxy.newProxyInstance(
            StateStore.class.getClassLoader(),
            new Class<?>[] {StateStore.class},
            (proxy, method, args) -> {
              if (refused.contains(method.getName())) {
                throw new CloudException(
                    CloudException.Kind.VALIDATION, "dynamodb:PutItem", "refused by the test");
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
