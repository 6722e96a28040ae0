package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.fake.bedrock.FakeBedrockServer;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.fake.bedrock.RecordedCall;
import io.capacityctl.reconcile.Observer;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceGenerator;
import io.capacityctl.testing.BedrockMetricsWriter;
import io.capacityctl.testing.MotoServer;
import io.capacityctl.testing.SdkEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Issue 18's drill: two weeks of a team's Bedrock metrics in CloudWatch (moto), nothing of
 * capacityctl deployed (no state table), the team's own PT serving part of Sonnet's traffic. {@code
 * backtest --since 14d} reads it with the controller's metric source ({@code pt-arns}: the PT list,
 * then the model id for on-demand), prints the five policies and the frontier, writes the trace and
 * the report; {@code simulate --trace} of that trace gives the same figures. Only read calls reach
 * Bedrock. The CLI runs as shipped, pointed at the emulators through the SDK's endpoint settings;
 * skipped without moto_server.
 */
class BacktestDrillTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SONNET_ID = "anthropic.claude-3-sonnet-20240229-v1:0";
  static final String HAIKU_ID = "anthropic.claude-3-haiku-20240307-v1:0";
  static final double PT_TPS = 10_000;

  /**
   * Datapoints are put this far past the test's start too: putting two weeks into moto takes
   * minutes, and the window ends when the command runs.
   */
  static final Duration AHEAD = Duration.ofMinutes(30);

  /**
   * One hour of the twelve queries per GetMetricData call: moto scans every stored datapoint for
   * each period of each query, so a call's time grows with the square of its span.
   */
  static final String PER_CALL = "720";

  static final List<String> POLICIES =
      List.of("static-peak", "schedule-only", "target-tracking", "capacityctl", "oracle");

  @TempDir Path dir;
  FakeBedrockServer bedrock;
  SdkEndpoints endpoints;
  Path config;
  String teamPt;

  @BeforeEach
  void account() throws IOException {
    bedrock = FakeBedrockServer.start(Clock.systemUTC(), "us-east-1");
    teamPt = bedrock.plane().seed("team-sonnet", SONNET_ID, 10, null, Map.of());
    endpoints = SdkEndpoints.point(MOTO.endpoint(), bedrock.endpoint());
    config = dir.resolve("mangaassist.yaml");
    Files.writeString(
        config, bundled("schedules/mangaassist.yaml").replace("ap-northeast-1", "us-east-1"));
  }

  @AfterEach
  void close() {
    endpoints.close();
    bedrock.close();
  }

  @Test
  void twoWeeksOfTheAccountsTrafficReplayedAsSimulateReplaysTheTraceItWrote() throws IOException {
    Instant now = Instant.now();
    put(now, Duration.ofDays(14).plusHours(2));
    Path trace = dir.resolve("last-two-weeks.csv");
    Path report = dir.resolve("backtest.html");

    CliRun backtest =
        cli(
            "backtest",
            "--since",
            "14d",
            "--frontier",
            "0.01%",
            "--write-trace",
            trace.toString(),
            "--report",
            report.toString(),
            "-o",
            "json",
            "--datapoints-per-call",
            PER_CALL);

    assertThat(backtest.code()).as(backtest.err()).isZero();
    JsonNode result = JSON.readTree(backtest.out());
    assertThat(result.get("policies").fieldNames())
        .toIterable()
        .containsExactlyElementsOf(POLICIES);
    assertThat(result.get("frontier")).hasSize(1);
    JsonNode history = result.get("history");
    assertThat(history.get("minutes").asInt()).isEqualTo(14 * 1440);
    // The window ends at the newest complete minute when the command ran (after the puts).
    Instant end = Observer.newestCompleteMinute(now).plus(Duration.ofMinutes(1));
    assertThat(Instant.parse(history.get("to").asText())).isBetween(end, end.plus(AHEAD));
    for (String model : List.of("sonnet", "haiku")) {
      JsonNode m = history.at("/models/" + model);
      assertThat(m.get("parts")).singleElement().satisfies(p -> assertResolution(p, "1-minute"));
      assertThat(m.at("/parts/0/datapoints").asInt()).isEqualTo(14 * 1440);
      assertThat(m.at("/parts/0/partialPeriods").asInt()).isZero();
      assertThat(m.get("gapsInterpolated").asInt()).isZero();
    }
    assertThat(history.at("/models/sonnet/source").asText())
        .contains("ModelId=" + SONNET_ID)
        .contains("1 PT ARN(s) listed now")
        .contains("state table capacityctl-mangaassist not found");
    assertThat(result.at("/policies/capacityctl/total/costUsd").asDouble()).isPositive();
    assertThat(result.get("headline").findValuesAsText("against")).contains("schedule-only");

    // The report, and the trace: two models, every minute, as simulate reads it.
    assertThat(Files.readString(report)).contains("<html").contains("schedule-only");
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines.get(0)).isEqualTo("timestamp,model,tokens_per_second");
    assertThat(lines).hasSize(1 + 2 * 14 * 1440);

    // The Sonnet minutes are the PT's traffic plus the on-demand spill, as put.
    Trace expected = generated(now);
    Instant first = Instant.parse(history.get("from").asText());
    int offset = (int) Duration.between(expected.start(), first).toMinutes();
    String[] row = lines.get(1 + 2 * 600).split(",");
    assertThat(row[0]).isEqualTo(first.plus(Duration.ofMinutes(600)).toString());
    assertThat(Double.parseDouble(row[2]))
        .isCloseTo(
            expected.at("sonnet", offset + 600), org.assertj.core.api.Assertions.within(0.06));

    CliRun simulate =
        cli("simulate", "--trace", trace.toString(), "--frontier", "0.01%", "-o", "json");
    assertThat(simulate.code()).as(simulate.err()).isZero();
    JsonNode replayed = JSON.readTree(simulate.out());
    assertThat(replayed.get("policies")).isEqualTo(result.get("policies"));
    assertThat(replayed.get("frontier")).isEqualTo(result.get("frontier"));
    assertThat(replayed.get("headline")).isEqualTo(result.get("headline"));

    // Read-only: Bedrock saw the PT list and nothing else.
    assertThat(bedrock.calls())
        .extracting(RecordedCall::operation)
        .isNotEmpty()
        .allMatch(op -> op == PtOperation.LIST || op == PtOperation.LIST_TAGS);
  }

  @Test
  void theTableSaysWhichResolutionEachModelWasReadAtAndPrintsTheFivePolicies() {
    Instant now = Instant.now();
    put(now, Duration.ofDays(1).plusHours(2));

    CliRun backtest =
        cli("backtest", "--since", "1d", "--frontier", "none", "--datapoints-per-call", PER_CALL);

    assertThat(backtest.code()).as(backtest.err()).isZero();
    String out = backtest.out();
    assertThat(out)
        .contains("read from CloudWatch us-east-1")
        .contains("(1,440 minutes), read-only")
        .contains("  sonnet: AWS/Bedrock input+output tokens, ModelId=" + SONNET_ID)
        .contains("  haiku: AWS/Bedrock input+output tokens, ModelId=" + HAIKU_ID);
    assertThat(out.lines().filter(l -> l.startsWith("    1-minute from "))).hasSize(2);
    for (String policy : POLICIES) {
      assertThat(out).containsPattern("(?m)^" + policy + " +\\$");
    }
    assertThat(out).containsPattern("(?m)^  -\\$[0-9,.]+ \\(-[0-9.]+ %\\) against schedule-only");
  }

  /**
   * History older than CloudWatch's 15 days of 1-minute data is read at 5 minutes: said per model,
   * interpolated to minutes with trace import's minute noise, and the output says the figures
   * depend on that noise and how to see them without it.
   */
  @Test
  void historyOlderThanFifteenDaysIsReadAtFiveMinutesAndSaysSo() {
    Instant from = Instant.now().minus(Duration.ofDays(17)).truncatedTo(ChronoUnit.HOURS);
    Instant to = from.plus(Duration.ofHours(12));
    CloudWatchClient cw = MOTO.clients().build(CloudWatchClient.builder());
    try (BedrockMetricsWriter w = new BedrockMetricsWriter(cw)) {
      for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(1))) {
        w.minute(teamPt, at, 0.75 * 6_000 * 60, 0.25 * 6_000 * 60);
        w.minute(HAIKU_ID, at, 0.75 * 1_500 * 60, 0.25 * 1_500 * 60);
      }
    }

    CliRun backtest =
        cli(
            "backtest",
            "--from",
            from.toString(),
            "--to",
            to.toString(),
            "--frontier",
            "none",
            "--datapoints-per-call",
            PER_CALL);

    assertThat(backtest.code()).as(backtest.err()).isZero();
    assertThat(backtest.out().lines().filter(l -> l.startsWith("    5-minute from " + from)))
        .hasSize(2)
        .allMatch(l -> l.contains("144 datapoints"))
        .allMatch(l -> l.endsWith("interpolated to minutes with minute noise (docs/traces.md)"));
    assertThat(backtest.out())
        .contains("carry trace import's minute noise (--noise 1.0, --seed 1)")
        .contains(
            "    no 1-minute data: the Azure-measured model (CV 1.00 at 5,250 tokens/s, lag 1 +0.18,"
                + " lag 2 -0.30), figures depend on it")
        .contains("--noise 0 replays the interpolation alone");
  }

  private static void assertResolution(JsonNode part, String resolution) {
    assertThat(part.get("resolution").asText()).isEqualTo(resolution);
    assertThat(part.get("minuteNoise").asBoolean()).isFalse();
  }

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    all[args.length + 2] = "--region";
    all[args.length + 3] = "us-east-1";
    if (args[0].equals("simulate")) {
      return CliRun.system(java.util.Arrays.copyOf(all, args.length + 2));
    }
    return CliRun.system(all);
  }

  /**
   * The {@code span} up to now (and {@link #AHEAD}) of the synthetic MangaAssist traffic, as
   * Bedrock would have published it: Sonnet through the team's 10-unit PT (its ARN) up to 10,000
   * tokens/s and on demand (the model id) above, Haiku all on demand; three quarters of the tokens
   * input.
   */
  private void put(Instant now, Duration span) {
    Trace t = generated(now);
    Instant first = now.minus(span);
    CloudWatchClient cw = MOTO.clients().build(CloudWatchClient.builder());
    try (BedrockMetricsWriter w = new BedrockMetricsWriter(cw)) {
      for (int m = 0; m < t.minutes() && t.minute(m).isBefore(now.plus(AHEAD)); m++) {
        Instant at = t.minute(m);
        if (at.isBefore(first)) {
          continue;
        }
        double pt = Math.min(t.at("sonnet", m), PT_TPS) * 60;
        double spill = Math.max(0, t.at("sonnet", m) - PT_TPS) * 60;
        double haiku = t.at("haiku", m) * 60;
        w.minute(teamPt, at, 0.75 * pt, 0.25 * pt);
        if (spill > 0) {
          w.minute(SONNET_ID, at, 0.75 * spill, 0.25 * spill);
        }
        w.minute(HAIKU_ID, at, 0.75 * haiku, 0.25 * haiku);
      }
    }
  }

  /** The synthetic trace, moved to start 14 days and two hours before now's minute. */
  private static Trace generated(Instant now) {
    Trace t = TraceGenerator.mangaAssist(42, 15);
    Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(14).plusHours(2));
    return new Trace(start, t.minutes(), t.demand());
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = BacktestDrillTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
