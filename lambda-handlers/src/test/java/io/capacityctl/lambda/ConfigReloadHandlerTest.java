package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.health.HealthFinding.Status;
import io.capacityctl.health.UnhealthyException;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.runtime.ConfigSource;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.sim.SimAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm container whose {@code $CAPACITYCTL_CONFIG} changes between invocations: read again at the
 * start of the first invocation 5 minutes after the last read; a bad file is reported while the
 * passes run on the last good configuration, a fixed one is taken.
 */
class ConfigReloadHandlerTest {
  @TempDir Path dir;
  private final SimAccount account = Sim.eveningAccount();
  private Path file;
  private LiveGraph live;
  private ReconcileHandler reconcile;
  private HealthCheckHandler health;

  @BeforeEach
  void warmContainer() throws Exception {
    file = dir.resolve("manga.yaml");
    Files.writeString(file, bundled());
    live =
        LambdaComponent.live(
            Map.of(ConfigSource.ENV, file.toString(), LambdaComponent.RELOAD_ENV, "PT5M"),
            account.clock(),
            account.telemetry(),
            c -> Sim.graph(account, c));
    reconcile = new ReconcileHandler(live);
    health = new HealthCheckHandler(live);
  }

  @Test
  void aBadFileIsReportedWhileThePassesRunOnTheLastGoodOneThenTheFixIsTaken() throws Exception {
    List<Map<String, Object>> good = invokeMinutes(30);
    assertThat(sonnetTarget(good.get(good.size() - 1))).isGreaterThan(6);

    Files.writeString(file, bundled().replace("maxUnits: 20", "maxUnits: many"));
    List<Map<String, Object>> meanwhile = invokeMinutes(6);

    assertThat(meanwhile)
        .extracting(p -> p.get("outcome"))
        .allSatisfy(o -> assertThat(o).isIn("ACTED", "NO_CHANGE"));
    assertThat(sonnetTarget(meanwhile.get(meanwhile.size() - 1))).isGreaterThan(6);
    assertThat(account.telemetry().latest(ConfigReloader.METRIC, Map.of())).hasValue(1.0);
    assertThatThrownBy(() -> health.handleRequest(Sim.event("{}"), Sim.context("health")))
        .isInstanceOf(UnhealthyException.class)
        .hasMessageContaining("config controller: rejected since ")
        .hasMessageContaining(file + ":37: models.haiku.maxUnits: ");
    assertThat(account.telemetry().latest("Healthy", Map.of())).hasValue(0.0);

    Files.writeString(
        file,
        bundled()
            .replace("maxUnits: 60", "maxUnits: 6")
            .replace("sonnet: 15", "sonnet: 6")
            .replace("sonnet: 8", "sonnet: 6"));
    List<Map<String, Object>> fixed = invokeMinutes(6);

    assertThat(sonnetTarget(fixed.get(fixed.size() - 1))).isLessThanOrEqualTo(6);
    assertThat(account.telemetry().latest(ConfigReloader.METRIC, Map.of())).hasValue(0.0);
    assertThat(live.config().finding().status()).isEqualTo(Status.OK);
  }

  @Test
  void aReloadPeriodThatIsNoDurationFailsTheInitNamingTheVariable() {
    assertThatThrownBy(
            () ->
                LambdaComponent.live(
                    Map.of(LambdaComponent.RELOAD_ENV, "5m"),
                    account.clock(),
                    account.telemetry(),
                    c -> Sim.graph(account, c)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "$CAPACITYCTL_CONFIG_RELOAD: expected a positive ISO-8601 duration such as PT5M,"
                + " got '5m'");
  }

  /** One reconcile invocation per simulated minute. */
  private List<Map<String, Object>> invokeMinutes(int minutes) {
    List<Map<String, Object>> passes = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      passes.add(
          reconcile.handleRequest(
              Sim.event(Sim.SCHEDULER_EVENT), Sim.context("capacityctl-reconcile")));
      account.serveMinute();
    }
    return passes;
  }

  @SuppressWarnings("unchecked")
  private static int sonnetTarget(Map<String, Object> pass) {
    Map<String, Object> targets = (Map<String, Object>) pass.get("targets");
    return (Integer) ((Map<String, Object>) targets.get("sonnet")).get("target");
  }

  private static String bundled() throws Exception {
    try (var in = ConfigSource.class.getClassLoader().getResourceAsStream(ConfigSource.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
