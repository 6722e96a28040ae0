package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.AwsSettings;
import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.HistoryWindow;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.sim.SimulatedCloud;
import io.capacityctl.state.InMemoryLeaseTable;
import io.capacityctl.state.InMemoryStateStore;
import io.capacityctl.state.StateStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The observer records the PT ARNs the {@code pt-arns} metrics source queries, so history minutes
 * served by PTs deleted since still count, and reads no metrics when it cannot record them.
 */
class ObserverArnsTest {
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  static final HistoryWindow WINDOW = new HistoryWindow(180, 20);

  final CapacityConfig config = bundled();
  final SimulatedCloud cloud = new SimulatedCloud(config, T0, 60 * 24 * 9);
  final InMemoryStateStore state = new InMemoryStateStore(new InMemoryLeaseTable());
  final String sonnetId = config.model("sonnet").modelId();

  @Test
  void recordsOurAndCommittedPtsButNotForeignOnes() {
    String ours = buy("sonnet", 2);
    String committed = cloud.bedrock().addCommitted(sonnetId, 1);
    cloud.bedrock().addForeign(sonnetId, 1, "someone-elses", Map.of("team", "search"));

    observer(config, state).observe(T0);

    assertThat(state.knownArns("sonnet", T0)).containsExactlyInAnyOrder(ours, committed);
    assertThat(state.knownArns("haiku", T0)).isEmpty();
  }

  @Test
  void aDeletedPtStaysKnownLongerThanTheWeekAgoWindowReachesBack() {
    String deleted = buy("sonnet", 1);
    Observer observer = observer(config, state);
    observer.observe(T0);
    cloud.bedrock().delete(deleted);
    Instant later = T0.plus(Duration.ofDays(1));
    cloud.clock().set(later);

    observer.observe(later);

    // A pass whose week-ago window starts at T0, when the PT last served, still queries it.
    Instant readsT0AsWeekAgo = T0.plus(Duration.ofDays(7).plusMinutes(WINDOW.recentMinutes()));
    assertThat(state.knownArns("sonnet", readsT0AsWeekAgo)).containsExactly(deleted);
    assertThat(state.knownArns("sonnet", T0.plus(observer.arnMemory()))).isEmpty();
  }

  @Test
  void otherMetricsSourcesRecordNothing() {
    buy("sonnet", 1);
    AwsSettings aws = config.aws();
    CapacityConfig byModelId =
        new CapacityConfig(
            config.name(),
            config.timezone(),
            config.models(),
            config.ecs(),
            config.schedule(),
            config.events(),
            config.policy(),
            config.budget(),
            new AwsSettings(
                aws.region(),
                aws.ptNamePrefix(),
                aws.routesParameter(),
                aws.stateTable(),
                new MetricsSource(MetricsSource.MODEL_ID, null, null, null)),
            config.source());

    observer(byModelId, state).observe(T0);

    assertThat(state.knownArns("sonnet", T0)).isEmpty();
  }

  @Test
  void whenArnsCannotBeRecordedNoMetricsAreReadAndEveryModelLacksDemand() {
    buy("sonnet", 1);
    StateStore failing = failingRememberArns(state);

    Snapshot snapshot = observer(config, failing).observe(T0);

    assertThat(cloud.metrics().reads()).isZero();
    assertThat(snapshot.problems())
        .anySatisfy(p -> assertThat(p).contains("PT ARNs could not be recorded"));
    assertThat(snapshot.observation().models().values())
        .allSatisfy(m -> assertThat(m.demand()).isNull());
  }

  static CapacityConfig bundled() {
    try {
      return ConfigLoader.loadResource("schedules/mangaassist.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  private Observer observer(CapacityConfig c, StateStore store) {
    return new Observer(c, cloud.ports(), store, WINDOW);
  }

  private String buy(String model, int units) {
    Map<String, String> tags =
        Map.of(
            ProvisionedThroughput.TAG_MANAGED_BY,
            ProvisionedThroughput.MANAGED_BY_VALUE,
            ProvisionedThroughput.TAG_CONFIG,
            config.name(),
            ProvisionedThroughput.TAG_MODEL,
            model);
    return cloud
        .bedrock()
        .create(
            new CreatePtRequest(
                config.aws().ptNamePrefix() + model + "-1",
                config.model(model).modelId(),
                units,
                "token-" + model,
                tags))
        .arn();
  }

  /** The store, except that recording ARNs fails as DynamoDB throttling would. */
  private static StateStore failingRememberArns(StateStore delegate) {
    return (StateStore)
        Proxy.newProxyInstance(
            StateStore.class.getClassLoader(),
            new Class<?>[] {StateStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("rememberArns")) {
                throw new CloudException(
                    CloudException.Kind.THROTTLING, "dynamodb:UpdateItem", "slow down");
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
