package io.capacityctl.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.health.HealthFinding.Status;
import io.capacityctl.telemetry.InMemoryTelemetrySink;
import io.capacityctl.time.FakeClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last good configuration is kept through a bad replacement, reported, and then replaced. */
class ConfigReloaderTest {
  private static final Duration EVERY = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T08:00:00Z"));
  private final InMemoryTelemetrySink telemetry = new InMemoryTelemetrySink();
  private Path file;
  private ConfigReloader reloader;

  @BeforeEach
  void startOnTheBundledFile() throws Exception {
    file = dir.resolve("manga.yaml");
    Files.writeString(file, bundled());
    reloader =
        new ConfigReloader(
            ConfigLoader.load(file),
            file.toString(),
            location -> ConfigLoader.load(Path.of(location)),
            EVERY,
            clock,
            telemetry);
  }

  @Test
  void aBadReplacementKeepsTheLastGoodOneAndIsReportedUntilAGoodOneReplacesIt() throws Exception {
    CapacityConfig good = reloader.current();

    Files.writeString(file, bundled().replace("maxUnits: 20", "maxUnits: many"));
    clock.advance(EVERY);
    boolean changed = reloader.refresh();

    assertThat(changed).isFalse();
    assertThat(reloader.current()).isSameAs(good);
    assertThat(reloader.problem().orElseThrow().errors())
        .extracting(ConfigError::toString)
        .singleElement()
        .asString()
        .matches(Pattern.quote(file.toString()) + ":37: models\\.haiku\\.maxUnits: .*");
    assertThat(invalid()).containsExactly(1.0);
    assertThat(reloader.finding().status()).isEqualTo(Status.FAIL);
    assertThat(reloader.finding().check()).isEqualTo("config");
    assertThat(reloader.finding().detail())
        .startsWith(
            "rejected since 2026-12-02T08:05:00Z, still running on the configuration taken at"
                + " 2026-12-02T08:00:00Z: "
                + file
                + ":37: models.haiku.maxUnits: ");

    Files.writeString(file, bundled().replace("maxUnits: 20", "maxUnits: 18"));
    clock.advance(EVERY);
    changed = reloader.refresh();

    assertThat(changed).isTrue();
    assertThat(reloader.current().model("haiku").maxUnits()).isEqualTo(18);
    assertThat(reloader.problem()).isEmpty();
    assertThat(invalid()).containsExactly(1.0, 0.0);
    assertThat(reloader.finding().status()).isEqualTo(Status.OK);
    assertThat(reloader.finding().detail())
        .isEqualTo(file + " read at 2026-12-02T08:10:00Z, in force since 2026-12-02T08:10:00Z");
  }

  @Test
  void readsAgainOnlyOncePerPeriodButPublishesOnEveryRefresh() throws Exception {
    int[] reads = {0};
    ConfigReloader counting =
        new ConfigReloader(
            reloader.current(),
            file.toString(),
            location -> {
              reads[0]++;
              return ConfigLoader.load(Path.of(location));
            },
            EVERY,
            clock,
            telemetry);

    for (int minute = 0; minute < 11; minute++) {
      counting.refresh();
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(reads[0]).isEqualTo(2); // at minutes 5 and 10
    assertThat(invalid()).hasSize(11).containsOnly(0.0);
  }

  @Test
  void anUnchangedFileKeepsTheSameInstanceSoNothingIsRebuilt() {
    CapacityConfig first = reloader.current();
    clock.advance(EVERY);

    assertThat(reloader.refresh()).isFalse();
    assertThat(reloader.current()).isSameAs(first);
  }

  @Test
  void anUnreadableSourceIsTreatedAsABadOne() throws Exception {
    CapacityConfig good = reloader.current();
    ConfigReloader outage =
        new ConfigReloader(
            good,
            "ssm:/capacityctl/mangaassist/config",
            location -> {
              throw new ConfigException(
                  new ConfigError(
                      location, 0, "(file)", "cannot read: ssm:GetParameter: THROTTLING"));
            },
            EVERY,
            clock,
            telemetry);
    clock.advance(EVERY);

    outage.refresh();

    assertThat(outage.current()).isSameAs(good);
    assertThat(outage.finding().status()).isEqualTo(Status.FAIL);
    assertThat(outage.finding().detail())
        .endsWith(
            ": ssm:/capacityctl/mangaassist/config: (file): cannot read: ssm:GetParameter:"
                + " THROTTLING");
    assertThat(invalid()).containsExactly(1.0);
  }

  @Test
  void aCrashingLoaderIsAnUnreadableSourceNotACrashedPass() {
    ConfigReloader crashing =
        new ConfigReloader(
            reloader.current(),
            "s3://team-config/c.yaml",
            location -> {
              throw new IllegalStateException("Unable to load region");
            },
            EVERY,
            clock,
            telemetry);
    clock.advance(EVERY);

    assertThat(crashing.refresh()).isFalse();

    assertThat(crashing.problem().orElseThrow().getMessage())
        .isEqualTo(
            "s3://team-config/c.yaml: (file): cannot read: java.lang.IllegalStateException:"
                + " Unable to load region");
  }

  private List<Double> invalid() {
    return telemetry.values(ConfigReloader.METRIC, Map.of());
  }

  private static String bundled() throws Exception {
    try (var in = ConfigSource.class.getClassLoader().getResourceAsStream(ConfigSource.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
