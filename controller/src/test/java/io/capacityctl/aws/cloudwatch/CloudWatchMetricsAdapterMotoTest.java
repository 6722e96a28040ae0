package io.capacityctl.aws.cloudwatch;

import io.capacityctl.testing.AwsEmulator;
import io.capacityctl.testing.MotoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CloudWatch adapter contract against a local {@code moto_server} process. */
class CloudWatchMetricsAdapterMotoTest extends CloudWatchMetricsAdapterContract {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Override
  AwsEmulator emulator() {
    return MOTO;
  }
}
