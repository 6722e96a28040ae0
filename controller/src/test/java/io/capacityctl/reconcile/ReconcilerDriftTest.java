package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.ports.CloudException;
import io.capacityctl.testing.RecordingTelemetry.Point;
import io.capacityctl.testing.SimFixture;
import io.capacityctl.testing.TestConfig;
import io.capacityctl.tokens.TokenDrift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token drift in the reconcile pass: MangaAssist's taste-profile prompts planned at 800 tokens per
 * request grow to 3,200 once real users send 50-title histories.
 */
class ReconcilerDriftTest {
  @TempDir Path dir;
  private SimFixture sim;

  @BeforeEach
  void world() throws Exception {
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
          recommendation:
            model: sonnet
            budgetTokensPerRequest: 600
            peakRequestsPerSecond: 6
            template: taste.txt
            samples:
              - history: Vagabond, Monster
            maxOutputTokens: 300
            outputRatio: 0.5
        """);
    String yaml =
        TestConfig.sonnet(5).yaml()
            + "intents:\n  file: "
            + dir.resolve("intents.yaml")
            + "\n  metric: { namespace: MangaAssist }\n";
    CapacityConfig config = ConfigLoader.parse(yaml, "test.yaml");
    sim = new SimFixture(config).traffic("sonnet", 0, SimFixture.MINUTES, 2000).at(60);
  }

  @Test
  void anIntentFourTimesOverBudgetIsPublishedAndNamedInThePassReport() {
    sim.cloud.intentTokens().set("taste-profile", 780);
    sim.cloud.intentTokens().set("recommendation", 450);

    PassReport within = sim.pass();

    assertThat(within.warnings()).noneMatch(w -> w.contains("token"));
    assertThat(ratios())
        .containsEntry("taste-profile", 780.0 / 800)
        .containsEntry("recommendation", 0.75);

    sim.cloud.intentTokens().set("taste-profile", 3200);
    sim.advance(Duration.ofMinutes(1));
    PassReport drifted = sim.pass();

    assertThat(ratios()).containsEntry("taste-profile", 4.0).containsEntry("recommendation", 0.75);
    assertThat(drifted.warnings())
        .contains(
            "intent taste-profile over token budget: 3200 tokens/request vs budget 800 (4.00x)")
        .noneMatch(w -> w.contains("recommendation"));
  }

  @Test
  void anIntentWithoutDatapointsIsNamedNotPublished() {
    sim.cloud.intentTokens().set("taste-profile", 700);

    PassReport report = sim.pass();

    assertThat(ratios()).containsOnlyKeys("taste-profile");
    assertThat(report.warnings())
        .anyMatch(
            w ->
                w.contains("no MangaAssist/TokensPerIntent datapoints")
                    && w.contains("recommendation"));
  }

  @Test
  void aReadFailureIsANamedWarningAndChangesNoCapacityDecision() throws Exception {
    SimFixture twin =
        new SimFixture(sim.config).traffic("sonnet", 0, SimFixture.MINUTES, 2000).at(60);
    twin.cloud.intentTokens().set("taste-profile", 700);
    twin.cloud.intentTokens().set("recommendation", 500);
    sim.cloud
        .intentTokens()
        .faults()
        .failAlways(
            AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction(), CloudException.Kind.ACCESS_DENIED);

    PassReport failed = sim.pass();
    PassReport ok = twin.pass();

    assertThat(failed.warnings())
        .contains(
            "token drift: cannot read MangaAssist/TokensPerIntent (ACCESS_DENIED on"
                + " cloudwatch:GetMetricData); TokensPerIntentOverBudget not published");
    assertThat(sim.telemetry.named(TokenDrift.METRIC_NAME)).isEmpty();
    assertThat(failed.outcome()).isEqualTo(ok.outcome()).isEqualTo(PassReport.Outcome.ACTED);
    assertThat(failed.actions()).isEqualTo(ok.actions());
    assertThat(failed.failures()).isEmpty();
  }

  /** The latest published ratio per intent. */
  private Map<String, Double> ratios() {
    List<Point> points = sim.telemetry.named(TokenDrift.METRIC_NAME);
    Map<String, Double> latest = new HashMap<>();
    points.forEach(p -> latest.put(p.dimensions().get("Intent"), p.value()));
    return latest;
  }
}
