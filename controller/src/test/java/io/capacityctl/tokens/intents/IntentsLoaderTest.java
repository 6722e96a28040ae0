package io.capacityctl.tokens.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.tokens.TokenEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentsLoaderTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void template() throws IOException {
    Files.writeString(dir.resolve("qa.txt"), "Answer briefly.\nQ: {{question}}\n");
    file = dir.resolve("intents.yaml");
  }

  @Test
  void shippedMangaAssistIntentsLoad() throws Exception {
    IntentsFile f = IntentsLoader.load(ShippedIntents.path());

    assertThat(f.intents()).containsOnlyKeys("taste-profile", "recommendation", "chapter-qa");
    Intent taste = f.intents().get("taste-profile");
    assertThat(taste.model()).isEqualTo("sonnet");
    assertThat(taste.samples()).hasSize(200);
    assertThat(taste.template().placeholders()).containsExactly("history");
    assertThat(taste.expectedOutputTokens()).isEqualTo(150);
    assertThat(f.intents().get("chapter-qa").calibration().encoding())
        .isEqualTo(TokenEncoding.CL100K_BASE);
    assertThat(f.traffic()).hasSize(4);
    assertThat(f.traffic().get(3).from()).isEqualTo(LocalTime.of(17, 0));
    assertThat(f.budgets()).containsEntry("taste-profile", 3500);
  }

  @Test
  void minimalIntentUsesDefaultsForTheTokenizer() throws Exception {
    Intent qa = load(VALID).intents().get("qa");

    assertThat(qa.calibration().encoding()).isEqualTo(TokenEncoding.CL100K_BASE);
    assertThat(qa.calibration().factor()).isEqualTo(1.0);
    assertThat(qa.samples())
        .extracting(Sample::label, Sample::line)
        .containsExactly(tuple("samples[0]", 8));
  }

  @Test
  void modelBlockSetsEncodingAndCalibrationAndIntentsOverrideThem() throws Exception {
    IntentsFile f =
        load(
            """
            models:
              haiku: {encoding: o200k_base, calibration: 1.2}
            intents:
              qa:
            """
                + VALID_BODY
                + """
              qa2:
            """
                + VALID_BODY
                + "    calibration: 1.5\n");

    assertThat(f.intents().get("qa").calibration().factor()).isEqualTo(1.2);
    assertThat(f.intents().get("qa").calibration().encoding()).isEqualTo(TokenEncoding.O200K_BASE);
    assertThat(f.intents().get("qa2").calibration().factor()).isEqualTo(1.5);
    assertThat(f.intents().get("qa2").calibration().encoding()).isEqualTo(TokenEncoding.O200K_BASE);
  }

  @Test
  void unknownKeyIsRejectedAtItsLine() {
    assertErrors(
            VALID.replace("    outputRatio: 0.5\n", "    outputRatio: 0.5\n    budgetTokens: 9\n"))
        .containsExactly(tuple(11, "intents.qa.budgetTokens"));
  }

  @Test
  void missingRequiredKeyIsReportedAtItsIntent() {
    // Reported at the line that names the intent.
    assertErrors(VALID.replace("    model: haiku\n", ""))
        .containsExactly(tuple(3, "intents.qa.model"));
  }

  @Test
  void valuesOutOfRangeOrNotNumbersAreReportedTogether() {
    assertErrors(
            VALID
                .replace("outputRatio: 0.5", "outputRatio: 1.5")
                .replace("peakRequestsPerSecond: 10", "peakRequestsPerSecond: lots")
                .replace("maxOutputTokens: 100", "maxOutputTokens: 100.5"))
        .containsExactlyInAnyOrder(
            tuple(5, "intents.qa.peakRequestsPerSecond"),
            tuple(10, "intents.qa.outputRatio"),
            tuple(9, "intents.qa.maxOutputTokens"));
  }

  @Test
  void samplesAndGeneratorTogetherAreRejected() {
    assertErrors(
            VALID.replace(
                "    maxOutputTokens",
                "    generate: {count: 5, seed: 1, history: {titles: {min: 1, max: 2}}}\n"
                    + "    maxOutputTokens"))
        .contains(tuple(3, "intents.qa"));
  }

  @Test
  void missingTemplateFileIsReportedAtTheTemplateKey() {
    assertErrors(VALID.replace("template: qa.txt", "template: nope.txt"))
        .containsExactly(tuple(6, "intents.qa.template"));
  }

  @Test
  void sampleWithoutAPlaceholderValueOrWithAnUnknownKeyIsRejected() {
    assertErrors(VALID.replace("question: Why?", "questoin: Why?"))
        .containsExactlyInAnyOrder(
            tuple(8, "intents.qa.samples[0]"), tuple(8, "intents.qa.samples[0].questoin"));
  }

  @Test
  void malformedPlaceholderInTemplateNamesTheTemplateFileAndLine() throws IOException {
    Files.writeString(dir.resolve("qa.txt"), "Answer briefly.\nQ: {{question}} {{ bad name }}\n");
    Files.writeString(file, VALID);

    assertThatThrownBy(() -> IntentsLoader.load(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::source, ConfigError::line)
                    .containsExactly(tuple(dir.resolve("qa.txt").toString(), 2)));
  }

  @Test
  void unknownEncodingIsRejected() {
    assertErrors(VALID.replace("    model: haiku\n", "    model: haiku\n    encoding: claude\n"))
        .containsExactly(tuple(5, "intents.qa.encoding"));
  }

  @Test
  void yamlSyntaxErrorAndDuplicateKeyNameTheLine() {
    assertErrors(VALID.replace("    model: haiku\n", "    model: haiku\n    model: sonnet\n"))
        .containsExactly(tuple(5, "intents.qa.model"));
    assertErrors(VALID.replace("question: Why?", "question: [unclosed"))
        .extracting(t -> t.toList().get(1))
        .containsExactly("(syntax)");
  }

  @Test
  void unusedModelEntryIsReportedAsALikelyTypo() {
    assertErrors("models:\n  haku: {calibration: 1.1}\n" + VALID)
        .containsExactly(tuple(2, "models.haku"));
  }

  @Test
  void generatorRangeMustBeOrdered() throws IOException {
    Files.writeString(dir.resolve("taste.txt"), "History:\n{{history}}\n");
    assertErrors(
            """
            intents:
              taste:
                model: sonnet
                peakRequestsPerSecond: 1
                template: taste.txt
                generate:
                  count: 10
                  seed: 1
                  history: {titles: {min: 50, max: 10}}
                maxOutputTokens: 100
                outputRatio: 0.5
                budgetTokensPerRequest: 900
            """)
        .containsExactly(tuple(9, "intents.taste.generate.history.titles.max"));
  }

  @Test
  void badTrafficWindowIsRejected() {
    assertErrors("traffic:\n  - {from: \"25:00\", to: \"06:00\", share: 2}\n" + VALID)
        .containsExactlyInAnyOrder(tuple(2, "traffic[0].from"), tuple(2, "traffic[0].share"));
  }

  @Test
  void unreadableIntentsFileIsAnError() {
    assertThatThrownBy(() -> IntentsLoader.load(dir.resolve("missing.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.yaml")
        .hasMessageContaining("cannot read intents file");
  }

  private static final String VALID_BODY =
      """
          model: haiku
          peakRequestsPerSecond: 10
          template: qa.txt
          samples:
            - question: Why?
          maxOutputTokens: 100
          outputRatio: 0.5
          budgetTokensPerRequest: 500
      """;

  // Lines: 1 comment, 2 intents, 3 qa, 4 model, 5 peak, 6 template, 7 samples, 8 the sample,
  // 9 maxOutputTokens, 10 outputRatio, 11 budget. A map's line is its first key's (Jackson).
  private static final String VALID = "# a comment line\nintents:\n  qa:\n" + VALID_BODY;

  private IntentsFile load(String yaml) throws Exception {
    Files.writeString(file, yaml);
    return IntentsLoader.load(file);
  }

  /** The (line, field) of every error loading {@code yaml}; each error must name this file. */
  private ListAssert<Tuple> assertErrors(String yaml) {
    try {
      Files.writeString(file, yaml);
      IntentsLoader.load(file);
    } catch (ConfigException e) {
      assertThat(e.errors()).extracting(ConfigError::source).containsOnly(file.toString());
      return assertThat(e.errors().stream().map(x -> tuple(x.line(), x.field())).toList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("expected errors loading:\n" + yaml);
  }
}
