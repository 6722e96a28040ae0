package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.fake.bedrock.BedrockErrorCode;
import io.capacityctl.fake.bedrock.FakeBedrockServer;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.testing.AwsErrorServer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a platform team meets when something is wrong: an absurd window (exit 2, the option named,
 * before any AWS call, nothing written), credentials without a permission, throttling, an account
 * with no data (exit 1, one line naming the action or the metrics). The CLI runs as shipped; AWS is
 * a server answering with the error, moto, or the Bedrock fake.
 */
class BacktestErrorsTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @TempDir Path dir;
  Path modelId;
  Path ptArns;
  Path trace;

  @BeforeEach
  void configs() throws IOException {
    String yaml = bundled("schedules/tweets-two-models.yaml");
    modelId =
        Files.writeString(
            dir.resolve("model-id.yaml"), yaml + "\n  metrics:\n    kind: model-id\n");
    ptArns = Files.writeString(dir.resolve("pt-arns.yaml"), yaml + "\n");
    trace = dir.resolve("trace.csv");
  }

  @Test
  void absurdWindowsAreRefusedNamingTheOptionBeforeAnyAwsCall() {
    String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    assertRefused("--since: must be at least 1h, got PT0S", "--since", "0");
    assertRefused("--since: must be at least 1h, got PT0S", "--since", "0m");
    assertRefused("--since: must be at least 1h", "--since", "30m");
    assertRefused("Invalid value for option '--since': '-2d' is not a duration", "--since", "-2d");
    assertRefused("Invalid value for option '--since'", "--since", "99999999999999999999d");
    assertRefused("--since: 1000000000 days is not a window", "--since", "1000000000d");
    assertRefused("--since: the window reaches back to ", "--since", "500d");
    assertRefused(
        "--since: the window spans 400 days; a backtest replays at most 366", "--since", "400d");
    assertRefused(
        "--since: give --since or --from, not both",
        "--since",
        "2d",
        "--from",
        "2025-01-01T00:00:00Z");
    assertRefused("--from: 'yesterday' is not an instant", "--from", "yesterday");
    assertRefused(
        "--from: the window is empty",
        "--from",
        "2025-01-02T00:00:00Z",
        "--to",
        "2025-01-01T00:00:00Z");
    assertRefused("--to: the window " + future.substring(0, 10), "--to", future);
    assertRefused("--noise: must be between 0 and 2, got 3.0", "--noise", "3");
    assertRefused("--frontier: '9%%' is not a throttle budget", "--frontier", "9%%");
    assertRefused("--floors: '150%%' is not a floor: use a share of maxUnits", "--floors", "150%%");
    assertRefused("--report-baseline: unknown policy 'cheapest'", "--report-baseline", "cheapest");
    assertRefused(
        "--write-trace: directory " + dir.resolve("missing") + " does not exist",
        "--write-trace",
        dir.resolve("missing/trace.csv").toString());
    assertRefused(
        "--report: directory " + dir.resolve("missing") + " does not exist",
        "--report",
        dir.resolve("missing/report.html").toString());
    assertRefused("--max-gap: must be positive, got PT0S", "--max-gap", "0s");
    assertRefused("--history: must be between 0 and 8d, got PT216H", "--history", "9d");
    assertRefused(
        "--history: PT72H leaves nothing to replay of a trace of 2880 minutes",
        "--since",
        "2d",
        "--history",
        "3d");
  }

  @Test
  void accessDeniedOnGetMetricDataIsOneLineNamingThePermission() {
    try (AwsErrorServer denied =
            AwsErrorServer.answering(
                403,
                "AccessDenied",
                "User: arn:aws:iam::123456789012:user/readonly is not authorized to perform:"
                    + " cloudwatch:GetMetricData");
        SdkEndpoints endpoints = SdkEndpoints.point(denied.endpoint(), denied.endpoint())) {
      CliRun run = backtest(modelId, "--since", "1d", "--write-trace", trace.toString());

      assertOneLineError(
          run,
          1,
          "error: access denied to cloudwatch:GetMetricData: grant the credentials"
              + " cloudwatch:GetMetricData (backtest reads only: bedrock:ListProvisionedModelThroughputs,"
              + " bedrock:ListTagsForResource, cloudwatch:GetMetricData, dynamodb:GetItem)");
      assertThat(run.err()).contains("is not authorized to perform");
      assertThat(denied.requests()).isEqualTo(1); // AccessDenied is not retried
      assertThat(trace).doesNotExist();
    }
  }

  @Test
  void throttlingIsOneLineAfterTheSdksRetries() {
    try (AwsErrorServer throttled = AwsErrorServer.answering(400, "Throttling", "Rate exceeded");
        SdkEndpoints endpoints = SdkEndpoints.point(throttled.endpoint(), throttled.endpoint())) {
      CliRun run = backtest(modelId, "--since", "1d");

      assertOneLineError(
          run,
          1,
          "error: cloudwatch:GetMetricData throttled after the SDK's retries: run again in a"
              + " minute, or read a shorter window (--since)");
      assertThat(throttled.requests()).as("the SDK retried").isGreaterThan(1);
    }
  }

  @Test
  void anAwsFaultIsOneLineSayingToRunAgain() {
    try (AwsErrorServer failing =
            AwsErrorServer.answering(500, "InternalFailure", "An internal error occurred");
        SdkEndpoints endpoints = SdkEndpoints.point(failing.endpoint(), failing.endpoint())) {
      CliRun run = backtest(modelId, "--since", "1d", "--write-trace", trace.toString());

      assertOneLineError(
          run,
          1,
          "error: cloudwatch:GetMetricData failed after the SDK's retries (AWS unavailable, the"
              + " network, or no answer in time): run again, or read a shorter window (--since)");
      assertThat(failing.requests()).as("the SDK retried").isGreaterThan(1);
      assertThat(trace).doesNotExist();
    }
  }

  @Test
  void accessDeniedOnThePtListNamesBedrocksAction() {
    FakeBedrockServer bedrock = FakeBedrockServer.start(Clock.systemUTC(), "us-east-1");
    try (bedrock;
        SdkEndpoints endpoints = SdkEndpoints.point(MOTO.endpoint(), bedrock.endpoint())) {
      bedrock.failNext(PtOperation.LIST, 10, BedrockErrorCode.ACCESS_DENIED);

      CliRun run = backtest(ptArns, "--since", "1d");

      assertOneLineError(
          run,
          1,
          "error: access denied to bedrock:ListProvisionedModelThroughputs: grant the credentials"
              + " bedrock:ListProvisionedModelThroughputs");
    }
  }

  @Test
  void anAccountWithoutAnyDatapointSaysSoInOneLine() {
    try (SdkEndpoints endpoints = SdkEndpoints.point(MOTO.endpoint(), MOTO.endpoint())) {
      CliRun run = backtest(modelId, "--since", "1d", "--write-trace", trace.toString());

      assertOneLineError(run, 1, "error: no data at all: CloudWatch returned no datapoint from ");
      assertThat(run.err())
          .contains(
              "sonnet (AWS/Bedrock input+output tokens,"
                  + " ModelId=anthropic.claude-3-sonnet-20240229-v1:0)")
          .contains("haiku (AWS/Bedrock input+output tokens")
          .contains("check the region and aws.metrics");
      assertThat(trace).doesNotExist();
    }
  }

  @Test
  void noCredentialsIsOneLineNamingThemAndSuggestingWhatRunsWithoutAnAccount() throws IOException {
    CliRun run = backtestWithoutAws(modelId.toString(), "--region", "us-east-1");

    assertOneLineError(run, 2, "--profile: no AWS credentials: none in the environment");
    assertSuggestsWhatBacktestCanDoInstead(run);
    assertThat(run.err()).contains("read-only credentials");
  }

  @Test
  void aConfigurationInSsmWithNoAwsSetUpSuggestsWhatBacktestCanDoInstead() throws IOException {
    CliRun run = backtestWithoutAws("ssm:/capacityctl/team/config");

    assertOneLineError(run, 2, "--region: no AWS region");
    assertSuggestsWhatBacktestCanDoInstead(run);
  }

  /** backtest in a JVM of its own whose environment holds no AWS setting (HOME a temp dir). */
  private CliRun backtestWithoutAws(String config, String... more) throws IOException {
    Path home = Files.createTempDirectory(dir, "home");
    List<String> args =
        new ArrayList<>(List.of("backtest", "--config", config, "--write-trace", trace.toString()));
    args.addAll(List.of(more));
    return CliProcess.run(
        home, CliProcess.bareEnvironment(home), Duration.ofMinutes(2), args.toArray(String[]::new));
  }

  /** One line, and nothing written; backtest has no --cloud sim to suggest: simulate instead. */
  private void assertSuggestsWhatBacktestCanDoInstead(CliRun run) {
    assertThat(run.err().lines().filter(l -> !l.isBlank()).toList()).as(run.err()).hasSize(1);
    assertThat(run.err()).contains("simulate --trace").doesNotContain("--cloud sim");
    assertThat(trace).doesNotExist();
  }

  private void assertRefused(String message, String... args) {
    CliRun run = backtest(modelId, args);
    assertOneLineError(run, 2, message.replace("%%", "%"));
    assertThat(trace).doesNotExist();
  }

  private static void assertOneLineError(CliRun run, int code, String startsWith) {
    assertThat(run.code()).as(run.err()).isEqualTo(code);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().filter(l -> !l.isBlank()).toList())
        .as(run.err())
        .first()
        .asString()
        .startsWith(startsWith);
    if (code == 1) {
      assertThat(run.err().lines()).as(run.err()).hasSize(1);
    }
    // No stack trace, no exception class named.
    assertThat(run.err())
        .doesNotContain("\tat ")
        .doesNotContainPattern("\\w+\\.\\w+\\.\\w*Exception");
  }

  private CliRun backtest(Path config, String... args) {
    return CliRun.system(
        Stream.of(
                new String[] {"backtest", "--config", config.toString(), "--region", "us-east-1"},
                args)
            .flatMap(Stream::of)
            .map(a -> a.replace("%%", "%"))
            .toArray(String[]::new));
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = BacktestErrorsTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
