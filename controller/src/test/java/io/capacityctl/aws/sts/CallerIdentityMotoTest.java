package io.capacityctl.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.testing.CallCounter;
import io.capacityctl.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

class CallerIdentityMotoTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Test
  void reportsTheCallersArnAndAsksStsOnce() {
    CallCounter calls = new CallCounter();
    CallerIdentity identity =
        new CallerIdentity(MOTO.clients().withInterceptor(calls).build(StsClient.builder()));

    String arn = identity.arn();

    assertThat(arn).startsWith("arn:aws:").contains(":123456789012:");
    assertThat(identity.arn()).isEqualTo(arn);
    assertThat(calls.count("GetCallerIdentity")).isEqualTo(1);
  }
}
