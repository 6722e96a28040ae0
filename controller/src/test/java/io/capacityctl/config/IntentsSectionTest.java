package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.VALID;
import static io.capacityctl.config.ConfigFixtures.assertError;
import static io.capacityctl.config.ConfigFixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code intents} section: where drift checking finds budgets and observations. */
class IntentsSectionTest {
  private static final String SECTION =
      """
      intents:
        file: intents/shop.yaml
        metric:
          namespace: Shop
      """;

  @TempDir Path dir;

  @Test
  void absentMeansDriftCheckingOff() throws ConfigException {
    assertThat(ConfigLoader.parse(VALID, ConfigFixtures.SOURCE).intentsConfig()).isEmpty();
  }

  @Test
  void fileIsRelativeToTheConfigAndItsBudgetsAreLoaded() throws Exception {
    writeIntents("sonnet", 800);
    Path config = write("shop.yaml", VALID + SECTION);

    IntentsConfig intents = ConfigLoader.load(config).intentsConfig().orElseThrow();

    assertThat(intents.budgets()).containsExactly(java.util.Map.entry("taste-profile", 800));
    assertThat(intents.metric())
        .isEqualTo(new IntentsConfig.Metric("Shop", "TokensPerIntent", "Intent"));
    assertThat(intents.file()).isEqualTo(dir.resolve("intents/shop.yaml").toString());
  }

  @Test
  void aBundledConfigFindsItsIntentsOnTheClasspath() throws ConfigException {
    String yaml =
        VALID
            + """
            intents:
              file: intents/mangaassist.yaml
              metric: { namespace: MangaAssist, name: TokensPerIntent, dimension: Intent }
            """;

    IntentsConfig intents =
        ConfigLoader.parse(yaml, "classpath:schedules/shop.yaml").intentsConfig().orElseThrow();

    assertThat(intents.budgets())
        .containsEntry("taste-profile", 3500)
        .containsEntry("recommendation", 600)
        .containsEntry("chapter-qa", 450);
  }

  @Test
  void sectionErrorsNameLineAndField() {
    String yaml = VALID + SECTION.replace("namespace: Shop", "namespce: Shop");
    assertError(yaml, lineOf(yaml, "metric:"), "intents.metric.namespace", "missing required key");
    assertError(yaml, lineOf(yaml, "namespce"), "intents.metric.namespce", "did you mean");
  }

  @Test
  void aMissingIntentsFileIsAnErrorOnTheFileKey() throws IOException {
    Path config = write("shop.yaml", VALID + SECTION);

    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.load(config), ConfigException.class);

    assertThat(e.errors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.source()).isEqualTo(config.toString());
              assertThat(err.line()).isEqualTo(lineOf(VALID + SECTION, "file: intents/shop.yaml"));
              assertThat(err.field()).isEqualTo("intents.file");
              assertThat(err.message()).contains("no intents file 'intents/shop.yaml'");
            });
  }

  @Test
  void errorsInTheIntentsFileKeepItsOwnFileAndLine() throws IOException {
    Path intents = writeIntents("sonnet", -5);
    Path config = write("shop.yaml", VALID + SECTION);

    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.load(config), ConfigException.class);

    assertThat(e.errors())
        .anySatisfy(
            err -> {
              assertThat(err.source()).isEqualTo(intents.toString());
              assertThat(err.line()).isEqualTo(4);
              assertThat(err.field()).contains("budgetTokensPerRequest");
            });
  }

  @Test
  void anIntentOnAModelTheConfigLacksIsRejected() throws IOException {
    writeIntents("opus", 800);
    Path config = write("shop.yaml", VALID + SECTION);

    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.load(config), ConfigException.class);

    assertThat(e.errors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("intents.file");
              assertThat(err.message())
                  .contains("intent 'taste-profile'", "uses model 'opus'", "sonnet", "haiku");
            });
  }

  /** One intent, {@code taste-profile}, on {@code model} with {@code budget} (line 4). */
  @Test
  void anIntentsFileTooLargeIsRefusedBeforeItIsRead() throws Exception {
    Path intents = write("intents/shop.yaml", "intents:\n  x: \"" + "y".repeat(1 << 20) + "\"\n");
    Path config = write("shop.yaml", VALID + SECTION);

    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.load(config), ConfigException.class);

    assertThat(e.getMessage())
        .contains(intents + ": (file): is 1048593 bytes; a configuration is at most 131072 bytes");
  }

  private Path writeIntents(String model, int budget) throws IOException {
    write("intents/templates/taste.txt", "Recommend from: {{history}}\n");
    return write(
        "intents/shop.yaml",
        """
        intents:
          taste-profile:
            model: %s
            budgetTokensPerRequest: %d
            peakRequestsPerSecond: 2.5
            template: templates/taste.txt
            samples:
              - history: One Piece, Vagabond
            maxOutputTokens: 300
            outputRatio: 0.5
        """
            .formatted(model, budget));
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }
}
