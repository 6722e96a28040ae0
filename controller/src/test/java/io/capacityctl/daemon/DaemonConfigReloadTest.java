package io.capacityctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.ConfigLoader;
import io.capacityctl.health.HealthFinding.Status;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.runtime.ConfigSource;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.SimAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --cloud sim} whose configuration file is overwritten while it runs (600x: a simulated
 * minute every 100 ms, the file read again every 5 simulated minutes): a bad file is reported while
 * the daemon goes on with the last good configuration; a fixed one is taken.
 */
class DaemonConfigReloadTest {
  private static final Map<String, String> SONNET = Map.of("Model", "sonnet");

  @TempDir Path dir;
  private final SimAccount account = SimAccounts.account();

  @Test
  void aBadFileIsReportedWhileTheLastGoodOneRunsAndAFixedOneIsTaken() throws Exception {
    account.jumpTo(SimAccounts.EVENING);
    Path file = dir.resolve("manga.yaml");
    Files.writeString(file, bundled());
    ConfigReloader reloader =
        new ConfigReloader(
            ConfigLoader.load(file),
            file.toString(),
            location -> ConfigLoader.load(Path.of(location)),
            Duration.ofMinutes(5),
            account.clock(),
            account.telemetry());
    Daemon daemon =
        DaemonComponent.onSim(
            new RunSettings("daemon:test", Duration.ofSeconds(60), 0, 600, Duration.ofSeconds(5)),
            reloader,
            account);
    daemon.start();
    try {
      // The evening peak under the bundled file: more Sonnet units than the fix below allows.
      DaemonProbe.waitFor(
          Duration.ofSeconds(30),
          () -> latest("TargetUnits", SONNET) > 6 && latest(ConfigReloader.METRIC) == 0);

      Files.writeString(file, bundled().replace("maxUnits: 20", "maxUnits: many"));
      DaemonProbe.waitFor(Duration.ofSeconds(30), () -> latest(ConfigReloader.METRIC) == 1);
      Instant rejected = account.clock().instant();
      // A health check runs every 15 simulated minutes; passes go on every minute meanwhile.
      DaemonProbe.waitFor(
          Duration.ofSeconds(30),
          () ->
              account.clock().instant().isAfter(rejected.plus(Duration.ofMinutes(16)))
                  && latest("Healthy", Map.of()) == 0);

      assertThat(reloader.current().model("haiku").maxUnits()).isEqualTo(20);
      assertThat(reloader.finding().status()).isEqualTo(Status.FAIL);
      assertThat(reloader.finding().detail()).contains(file + ":37: models.haiku.maxUnits: ");
      assertThat(latest(ConfigReloader.METRIC)).isEqualTo(1);
      assertThat(latest("TargetUnits", SONNET)).isGreaterThan(6);
      // Still reconciling: the daemon has renewed its lease on the passes since.
      assertThat(account.leases().current(account.clock().instant()))
          .hasValueSatisfying(
              l -> {
                assertThat(l.holder()).isEqualTo("daemon:test");
                assertThat(l.expiresAt()).isAfter(rejected.plus(Duration.ofMinutes(15)));
              });

      Files.writeString(file, sonnetCappedAtSix(bundled()));
      DaemonProbe.waitFor(
          Duration.ofSeconds(30),
          () -> latest(ConfigReloader.METRIC) == 0 && latest("TargetUnits", SONNET) <= 6);

      assertThat(reloader.current().model("sonnet").maxUnits()).isEqualTo(6);
      assertThat(reloader.finding().status()).isEqualTo(Status.OK);
    } finally {
      daemon.stop();
    }
  }

  /** A valid change: the Sonnet quota lowered to 6 units, and every window within it. */
  static String sonnetCappedAtSix(String yaml) {
    return yaml.replace("maxUnits: 60", "maxUnits: 6")
        .replace("sonnet: 15", "sonnet: 6")
        .replace("sonnet: 8", "sonnet: 6");
  }

  private double latest(String metric) {
    return latest(metric, Map.of());
  }

  private double latest(String metric, Map<String, String> dimensions) {
    return account.telemetry().latest(metric, dimensions).orElse(Double.NaN);
  }

  private static String bundled() throws Exception {
    try (var in = ConfigSource.class.getClassLoader().getResourceAsStream(ConfigSource.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
