package io.capacityctl.history;

import static io.capacityctl.history.HistoryConfigs.HAIKU;
import static io.capacityctl.history.HistoryConfigs.SONNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.state.StateStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Where a {@code pt-arns} backtest's ARNs come from: every PT of the model listed now, any owner,
 * then those the state table still remembers; a table that is missing or unreadable is said, not
 * fatal; any other fault is.
 */
class PtArnSourcesTest {
  static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
  static final CapacityConfig CONFIG =
      HistoryConfigs.with(new MetricsSource(MetricsSource.PT_ARNS, null, null, null));
  static final String SONNET_ID = CONFIG.model(SONNET).modelId();

  /** Lists one team PT for Sonnet; never buys or deletes. */
  static final ProvisionedThroughputApi LIST_ONLY =
      new ProvisionedThroughputApi() {
        @Override
        public List<ProvisionedThroughput> listAll() {
          return List.of(
              new ProvisionedThroughput(
                  "arn:pt/team",
                  "team-sonnet",
                  SONNET_ID,
                  10,
                  PtStatus.IN_SERVICE,
                  false,
                  NOW.minus(Duration.ofDays(90)),
                  Map.of(),
                  null));
        }

        @Override
        public ProvisionedThroughput create(CreatePtRequest request) {
          throw new AssertionError("a backtest never buys");
        }

        @Override
        public void delete(String arn) {
          throw new AssertionError("a backtest never deletes");
        }
      };

  @Test
  void theListedPtsThenTheRememberedOnes() {
    StateStore state =
        remembering(Map.of(SONNET, Set.of("arn:pt/deleted-yesterday")), Map.of(HAIKU, Set.of()));
    PtArnSources arns = new PtArnSources(CONFIG, LIST_ONLY, state, NOW);

    assertThat(arns.apply(SONNET)).containsExactly("arn:pt/team", "arn:pt/deleted-yesterday");
    assertThat(arns.apply(HAIKU)).isEmpty();
    assertThat(arns.describe(SONNET))
        .isEqualTo(
            "1 PT ARN(s) listed now, 1 more remembered by the state table; a PT deleted before"
                + " that is not counted");
    assertThat(arns.describe("opus")).isEqualTo("no PT ARN looked up");
  }

  @Test
  void aStateTableThatIsMissingOrUnreadableIsSaidAndTheListedPtsRead() {
    PtArnSources missing =
        new PtArnSources(CONFIG, LIST_ONLY, failing(Kind.NOT_FOUND, "dynamodb:GetItem"), NOW);
    PtArnSources denied =
        new PtArnSources(CONFIG, LIST_ONLY, failing(Kind.ACCESS_DENIED, "dynamodb:GetItem"), NOW);

    assertThat(missing.apply(SONNET)).containsExactly("arn:pt/team");
    assertThat(missing.describe(SONNET))
        .contains("none remembered (state table capacityctl-test not found)");
    assertThat(denied.apply(SONNET)).containsExactly("arn:pt/team");
    assertThat(denied.describe(SONNET))
        .contains(
            "none remembered (state table capacityctl-test not readable: dynamodb:GetItem denied)");
  }

  @Test
  void anyOtherStateTableFaultFailsTheRead() {
    PtArnSources throttled =
        new PtArnSources(CONFIG, LIST_ONLY, failing(Kind.THROTTLING, "dynamodb:GetItem"), NOW);

    assertThatThrownBy(() -> throttled.apply(SONNET))
        .isInstanceOf(CloudException.class)
        .hasMessageContaining("THROTTLING");
  }

  /** A state store that remembers these ARNs at {@link #NOW} and answers nothing else. */
  @SafeVarargs
  static StateStore remembering(Map<String, Set<String>>... known) {
    return (StateStore)
        Proxy.newProxyInstance(
            StateStore.class.getClassLoader(),
            new Class<?>[] {StateStore.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("knownArns") || !NOW.equals(args[1])) {
                throw new AssertionError("a backtest only reads remembered ARNs: " + method);
              }
              for (Map<String, Set<String>> k : known) {
                if (k.containsKey((String) args[0])) {
                  return k.get((String) args[0]);
                }
              }
              return Set.of();
            });
  }

  /** A state store whose every call fails with {@code kind}. */
  static StateStore failing(Kind kind, String action) {
    return (StateStore)
        Proxy.newProxyInstance(
            StateStore.class.getClassLoader(),
            new Class<?>[] {StateStore.class},
            (proxy, method, args) -> {
              throw new CloudException(kind, action, "injected");
            });
  }
}
