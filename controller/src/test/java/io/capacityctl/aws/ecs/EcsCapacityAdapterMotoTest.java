package io.capacityctl.aws.ecs;

import io.capacityctl.testing.AwsEmulator;
import io.capacityctl.testing.MotoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ECS adapter contract against a local {@code moto_server} process. */
class EcsCapacityAdapterMotoTest extends EcsCapacityAdapterContract {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Override
  AwsEmulator emulator() {
    return MOTO;
  }
}
