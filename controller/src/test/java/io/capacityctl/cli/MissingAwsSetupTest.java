package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user on a fresh laptop, the default {@code --cloud aws}, and no AWS set up: one line that
 * names the missing setting and suggests {@code --cloud sim}, exit 2, nothing else (the CLI runs in
 * a JVM of its own, with an environment that holds no AWS setting at all).
 */
class MissingAwsSetupTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path home;

  private CliRun cli(Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(CliProcess.bareEnvironment(home));
    env.putAll(extra);
    return CliProcess.run(home, env, TIMEOUT, args);
  }

  private static void assertOneLine(CliRun run, String startsWith, String... mentions) {
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    assertThat(run.err())
        .startsWith(startsWith)
        .contains("--cloud sim")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    for (String m : mentions) {
      assertThat(run.err()).contains(m);
    }
  }

  @Test
  void aConfigInSsmWithoutARegionNamesTheRegion() {
    CliRun plan = cli(Map.of(), "plan", "--config", "ssm:/x");

    assertOneLine(plan, "--region: no AWS region", "AWS_REGION");
  }

  @Test
  void statusWithoutCredentialsNamesTheCredentials() {
    // The bundled configuration names its region (ap-northeast-1): credentials are what is missing.
    CliRun status = cli(Map.of(), "status");

    assertOneLine(status, "--profile: no AWS credentials", "AWS_PROFILE");
  }

  @Test
  void aRegionFromTheEnvironmentStillNeedsCredentials() {
    CliRun plan = cli(Map.of("AWS_REGION", "eu-west-1"), "plan", "--config", "ssm:/x");

    assertOneLine(plan, "--profile: no AWS credentials", "AWS_PROFILE");
  }

  @Test
  void anUnknownProfileIsNamed() {
    CliRun status = cli(Map.of(), "status", "--profile", "nope", "--region", "eu-west-1");

    assertOneLine(status, "--profile: no AWS credentials for profile 'nope'");
  }
}
