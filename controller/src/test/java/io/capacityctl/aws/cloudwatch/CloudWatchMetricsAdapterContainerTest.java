package io.capacityctl.aws.cloudwatch;

import io.capacityctl.testing.AwsEmulator;
import io.capacityctl.testing.MotoContainer;
import org.junit.jupiter.api.AfterEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The CloudWatch adapter contract against moto in Docker; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class CloudWatchMetricsAdapterContainerTest extends CloudWatchMetricsAdapterContract {
  @Container static final MotoContainer MOTO = new MotoContainer();

  @Override
  AwsEmulator emulator() {
    return MOTO;
  }

  /** After, not before: the contract's own @BeforeEach set-up runs before a subclass's. */
  @AfterEach
  void reset() {
    MOTO.reset();
  }
}
