package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capacityctl.tokens.intents.ShippedIntents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensCheckCommandTest {
  @TempDir Path dir;

  @Test
  void shippedIntentsAreWithinBudget() {
    TokensCli.Result r =
        TokensCli.run("tokens", "check", "--intents", ShippedIntents.path().toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("ok   taste-profile: 200 samples")
        .contains("tokens check: 206 requests of 3 intents within budget");
  }

  @Test
  void breachExitsOneNamingIntentSampleAndExcess() throws IOException {
    Path intents = intents(50);

    TokensCli.Result r = TokensCli.run("tokens", "check", "--intents", intents.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    // The long question breaches, the short one does not.
    assertThat(r.out())
        .containsPattern("OVER qa: 2 samples, largest (\\d+) of 50 tokens")
        .containsPattern(
            Pattern.quote(intents.toString())
                + ":8: intent qa, samples\\[1\\]: \\d+ tokens, budget 50, over by \\d+ \\(\\+")
        .doesNotContain("samples[0]")
        .contains("tokens check: 1 of 2 requests over budget in 1 of 1 intents");
  }

  @Test
  void withinBudgetExitsZero() throws IOException {
    TokensCli.Result r = TokensCli.run("tokens", "check", "--intents", intents(5000).toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("ok   qa: 2 samples");
  }

  @Test
  void badIntentsFileExitsTwoWithFileAndLine() throws IOException {
    Path intents = intents(500);
    Files.writeString(
        intents, Files.readString(intents).replace("outputRatio: 0.5", "outputRatio: 2"));

    TokensCli.Result r = TokensCli.run("tokens", "check", "--intents", intents.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(intents + ":12: intents.qa.outputRatio: must be between 0 and 1, was 2")
        .contains("1 problem(s) in the input; nothing done");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingIntentsOptionIsAUsageError() {
    TokensCli.Result r = TokensCli.run("tokens", "check");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--intents");
  }

  @Test
  void tokensWithoutSubcommandIsAUsageError() {
    TokensCli.Result r = TokensCli.run("tokens");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing subcommand").contains("estimate").contains("check");
  }

  @Test
  void tokensCheckInJsonListsEachIntentAndTheBreaches() throws Exception {
    Path intents = ShippedIntents.path();
    Path tight = intents(50);

    TokensCli.Result ok =
        TokensCli.run("tokens", "check", "--intents", intents.toString(), "-o", "json");
    TokensCli.Result over =
        TokensCli.run("tokens", "check", "--intents", tight.toString(), "--output", "json");

    assertThat(ok.exitCode()).as(ok.err()).isZero();
    JsonNode okJson = Json.MAPPER.readTree(ok.out());
    assertThat(okJson.get("withinBudget").asBoolean()).isTrue();
    assertThat(okJson.get("requests").asInt()).isEqualTo(206);
    assertThat(okJson.get("intents")).hasSize(3);
    assertThat(okJson.get("intents").get(0).get("intent").asText()).isNotBlank();

    assertThat(over.exitCode()).isEqualTo(1);
    JsonNode overJson = Json.MAPPER.readTree(over.out());
    assertThat(overJson.get("withinBudget").asBoolean()).isFalse();
    assertThat(overJson.get("overBudget").asInt()).isEqualTo(1);
    JsonNode breach = overJson.get("intents").get(0).get("breaches").get(0);
    assertThat(breach.get("sample").asText()).isEqualTo("samples[1]");
    assertThat(breach.get("line").asInt()).isEqualTo(8);
    assertThat(breach.get("budget").asInt()).isEqualTo(50);
    assertThat(breach.get("over").asLong()).isPositive();
  }

  /** An intents file with one intent of two samples, a short and a long question. */
  private Path intents(int budget) throws IOException {
    Files.writeString(dir.resolve("qa.txt"), "Answer in one sentence.\nQ: {{question}}\n");
    Path file = dir.resolve("intents.yaml");
    Files.writeString(
        file,
        """
        intents:
          qa:
            model: haiku
            peakRequestsPerSecond: 5
            template: qa.txt
            samples:
              - question: Why?
              - question: >
                  Why does Kenji burn the letter at the bridge when his former teacher tells him
                  it is a forgery, and what does that say about the choices he made before?
            maxOutputTokens: 40
            outputRatio: 0.5
            budgetTokensPerRequest: %d
        """
            .formatted(budget));
    return file;
  }
}
