package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.testing.TestConfig;
import io.capacityctl.tokens.TokenDrift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MangaAssist incident 5: a feature's real tokens per request were 4x its plan. The intent's budget
 * breach is published the first pass that sees it, and the extra load it brings is escalated from
 * observed traffic within minutes, then covered a provisioning time later.
 */
class TokenUnderestimateIncidentTest {
  private static final int FAULT = 202;
  private static final int PROVISIONING = 15;

  @TempDir Path dir;

  private CapacityConfig config() throws Exception {
    Files.writeString(dir.resolve("taste.txt"), "Recommend from: {{history}}\n");
    Files.writeString(
        dir.resolve("intents.yaml"),
        """
        intents:
          taste-profile:
            model: sonnet
            budgetTokensPerRequest: 800
            peakRequestsPerSecond: 2.5
            template: taste.txt
            samples:
              - history: Vagabond, Monster
            maxOutputTokens: 300
            outputRatio: 0.5
        """);
    return ConfigLoader.parse(
        TestConfig.sonnet(8).ecs().yaml()
            + "intents:\n  file: "
            + dir.resolve("intents.yaml")
            + "\n  metric: { namespace: MangaAssist }\n",
        "test.yaml");
  }

  @Test
  void fourTimesTheTokensIsFlaggedAndEscalated() throws Exception {
    // The intent's 4x tokens lift Sonnet from 7000 to 16000 tps.
    Drill d =
        new Drill(config(), Drill.trace(FAULT + 60, "sonnet", m -> m < FAULT ? 7000 : 16_000));
    d.account.cloud().intentTokens().set("taste-profile", 780);
    d.warmUp(FAULT - 2).run(2);
    Map<String, String> intent = Map.of("Intent", "taste-profile");
    assertThat(d.account.telemetry().latest(TokenDrift.METRIC_NAME, intent).orElseThrow())
        .isLessThan(1);

    d.account.cloud().intentTokens().set("taste-profile", 3200);
    List<Minute> after = d.run(30);

    assertThat(after.get(0).pass().warnings())
        .contains(
            "intent taste-profile over token budget: 3200 tokens/request vs budget 800 (4.00x)");
    assertThat(d.account.telemetry().latest(TokenDrift.METRIC_NAME, intent)).hasValue(4.0);
    Minute escalated =
        after.stream()
            .filter(m -> m.pass().plan().models().get("sonnet").reason().startsWith("escalate"))
            .findFirst()
            .orElseThrow();
    assertThat(escalated.minute() - FAULT).isBetween(2, 3);
    Minute covered =
        after.stream()
            .filter(m -> m.minute() > escalated.minute() && m.throttled("sonnet") == 0)
            .findFirst()
            .orElseThrow();
    assertThat(covered.minute() - FAULT).isLessThanOrEqualTo(PROVISIONING + 3);
  }
}
