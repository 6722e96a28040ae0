package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capacityctl run} stopped as ECS, systemd or {@code kill} stop it: a real SIGTERM to a
 * process of its own. The stop is the normal end of a daemon, so it exits 0 (docs/cli.md), after
 * saying that the lease was given back.
 */
class RunSigtermTest {
  @TempDir Path home;

  @Test
  void sigtermFinishesThePassReleasesTheLeaseAndExitsZero() throws Exception {
    try (CliProcess run =
        CliProcess.start(
            home,
            CliProcess.bareEnvironment(home),
            "run",
            "--cloud",
            "sim",
            "--speed",
            "60",
            "--port",
            "0")) {
      assertThat(
              run.awaitOutput(l -> l.startsWith("capacityctl running as"), Duration.ofMinutes(3)))
          .as(run.stderr())
          .isTrue();
      // A pass or two on the accelerated clock (one simulated minute per second).
      Thread.sleep(2_000);

      run.terminate();
      CliRun stopped = run.waitFor(Duration.ofMinutes(1));

      assertThat(stopped.code()).as(stopped.err()).isZero();
      assertThat(stopped.err()).contains("lease released");
      assertThat(stopped.out()).contains("stopped");
    }
  }
}
