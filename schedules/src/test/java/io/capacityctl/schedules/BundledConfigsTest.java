package io.capacityctl.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.calendar.Expectation;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.EventSpec;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.tokens.intents.IntentsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every config capacityctl ships is valid and deployable; MangaAssist's says what the team asked.
 */
class BundledConfigsTest {
  private static final Path RESOURCES = Path.of("src/main/resources");

  /** Capacity configurations: the YAML files directly in the resources folder. */
  private static List<Path> bundled() throws IOException {
    return yamlIn(RESOURCES);
  }

  private static List<Path> yamlIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Intents files (token budgets) live in intents/: each loads, templates and samples included. */
  @Test
  void everyBundledIntentsFileIsValid() throws Exception {
    List<Path> intents = yamlIn(RESOURCES.resolve("intents"));
    assertThat(intents).isNotEmpty();
    for (Path file : intents) {
      assertThat(IntentsLoader.load(file).intents()).as(file.toString()).isNotEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBundledConfigIsValidAndDeployable() throws IOException {
    List<Path> files = bundled();
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("mangaassist.yaml");
    return files.stream().map(file -> dynamicTest(file.toString(), () -> checkBundled(file)));
  }

  private static void checkBundled(Path file) throws Exception {
    CapacityConfig config = ConfigLoader.load(file);
    String relative = RESOURCES.relativize(file).toString().replace('\\', '/');

    assertThat(config.name())
        .as("a bundled config is named after its file")
        .isEqualTo(file.getFileName().toString().replaceFirst("\\.yaml$", ""));
    assertThat(config.aws().region()).as("a bundled config names its region").isNotNull();

    CapacityConfig embedded = ConfigLoader.loadResource("schedules/" + relative);
    assertThat(embedded)
        .as("the controller jar embeds the same file")
        .usingRecursiveComparison()
        .ignoringFields("source")
        .isEqualTo(config);

    for (EventSpec event : config.events()) {
      for (ModelConfig model : config.models().values()) {
        if (event.affects(model.key())) {
          assertThat(event.leadTime())
              .as("event %s gives %s time to provision before it starts", event.name(), model.key())
              .isGreaterThanOrEqualTo(model.provisioningTime());
        }
      }
    }
  }

  @Test
  void mangaAssistFollowsTheTokyoDay() throws Exception {
    CapacityCalendar cal =
        CapacityCalendar.of(ConfigLoader.loadResource("schedules/mangaassist.yaml"));
    // Wednesday 2026-06-10 in Tokyo.
    assertThat(units(cal, "sonnet", "2026-06-10T03:00:00+09:00")).as("pure on-demand").isEqualTo(0);
    assertThat(units(cal, "haiku", "2026-06-10T03:00:00+09:00")).isEqualTo(0);
    assertThat(units(cal, "sonnet", "2026-06-10T06:00:00+09:00")).isEqualTo(5);
    assertThat(units(cal, "haiku", "2026-06-10T06:00:00+09:00")).isEqualTo(3);
    assertThat(units(cal, "sonnet", "2026-06-10T12:00:00+09:00")).isEqualTo(8);
    assertThat(units(cal, "sonnet", "2026-06-10T17:00:00+09:00")).isEqualTo(15);
    assertThat(units(cal, "haiku", "2026-06-11T01:59:00+09:00")).isEqualTo(5);
  }

  @Test
  void mangaAssistTriplesForTheWeeklyReleaseFromItsLeadTime() throws Exception {
    CapacityCalendar cal =
        CapacityCalendar.of(ConfigLoader.loadResource("schedules/mangaassist.yaml"));
    // Monday 2026-06-15 00:00 JST, lead time 45 minutes.
    assertThat(units(cal, "sonnet", "2026-06-14T23:14:00+09:00")).isEqualTo(15);
    assertThat(units(cal, "sonnet", "2026-06-14T23:15:00+09:00")).isEqualTo(45);
    assertThat(units(cal, "haiku", "2026-06-14T23:15:00+09:00")).isEqualTo(15);
    assertThat(units(cal, "sonnet", "2026-06-15T06:00:00+09:00")).isEqualTo(5);
  }

  @Test
  void mangaAssistPlansFiveTimesSonnetForTheFinalChapter() throws Exception {
    CapacityConfig config = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    CapacityCalendar cal = CapacityCalendar.of(config);

    Expectation sonnet = cal.expected("sonnet", at("2027-01-11T01:00:00+09:00"));
    assertThat(sonnet.event().event().name()).isEqualTo("final-chapter");
    assertThat(sonnet.units())
        .as("75 units: above the 60-unit quota, which the planner caps and spills on demand")
        .isEqualTo(75)
        .isGreaterThan(config.model("sonnet").maxUnits());
    assertThat(cal.expected("haiku", at("2027-01-11T01:00:00+09:00")).multiplier())
        .as("Haiku keeps the weekly-release multiplier")
        .isEqualTo(3.0);
    assertThat(config.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(config.policy().targetUtilization()).isEqualTo(0.8);
    assertThat(config.policy().escalateAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  private static double units(CapacityCalendar cal, String model, String at) {
    return cal.expected(model, at(at)).units();
  }

  private static Instant at(String instant) {
    return OffsetDateTime.parse(instant).toInstant();
  }
}
