package io.capacityctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.Component;
import io.capacityctl.config.AwsSettings;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.testing.MotoServer;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sts.StsClient;

class AwsClientsModuleTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  /** The smallest component that uses the module, as an entry point's component would. */
  @Singleton
  @Component(modules = AwsClientsModule.class)
  interface Clients {
    StsClient sts();

    CloudWatchClient cloudWatch();
  }

  @Test
  void buildsEachClientOnceAndReachesTheEmulator() {
    Clients clients =
        DaggerAwsClientsModuleTest_Clients.builder()
            .awsClientsModule(new AwsClientsModule(MOTO.target()))
            .build();

    assertThat(clients.sts()).isSameAs(clients.sts());
    assertThat(clients.sts().getCallerIdentity().account()).isEqualTo("123456789012");
  }

  @Test
  void usesTheConfiguredRegionAndAdaptiveRetries() {
    AwsSettings defaults = AwsSettings.defaultsFor("manga");
    AwsSettings tokyo =
        new AwsSettings(
            "ap-northeast-1",
            defaults.ptNamePrefix(),
            defaults.routesParameter(),
            defaults.stateTable(),
            defaults.metrics());
    Clients clients =
        DaggerAwsClientsModuleTest_Clients.builder()
            .awsClientsModule(new AwsClientsModule(AwsTarget.of(tokyo)))
            .build();

    var configuration = clients.cloudWatch().serviceClientConfiguration();
    assertThat(configuration.region()).isEqualTo(Region.AP_NORTHEAST_1);
    // ADAPTIVE_V2 is the mode backed by the retries API's AdaptiveRetryStrategy (the deprecated
    // ADAPTIVE mode is a legacy retry policy adapter).
    assertThat(configuration.overrideConfiguration().retryStrategy())
        .get()
        .isInstanceOf(AdaptiveRetryStrategy.class);
  }

  /**
   * Every client gives a call up after 10 s an attempt and 30 s in all, so a call begun inside the
   * lease ends inside it: the margin a holder keeps covers the whole call, plus the drift of two
   * hosts' monotonic clocks over a lease (1 % here, far above what clocks do).
   */
  @Test
  void everyCallEndsInsideTheLeaseMargin() {
    Clients clients =
        DaggerAwsClientsModuleTest_Clients.builder()
            .awsClientsModule(
                new AwsClientsModule(
                    new AwsTarget(
                        Region.AP_NORTHEAST_1, null, AnonymousCredentialsProvider.create())))
            .build();

    for (var configuration :
        java.util.List.of(
            clients.cloudWatch().serviceClientConfiguration().overrideConfiguration(),
            clients.sts().serviceClientConfiguration().overrideConfiguration())) {
      assertThat(configuration.apiCallTimeout()).contains(AwsClientFactory.API_CALL_TIMEOUT);
      assertThat(configuration.apiCallAttemptTimeout())
          .contains(AwsClientFactory.API_CALL_ATTEMPT_TIMEOUT);
    }
    // Emulators alone (an endpoint override) are given longer: they share the test machine's CPU.
    java.time.Duration drift = LeaseTerms.DEFAULT_TTL.dividedBy(100);
    assertThat(AwsClientFactory.API_CALL_TIMEOUT.plus(drift)).isLessThan(LeaseManager.ACT_MARGIN);
    assertThat(AwsClientFactory.API_CALL_ATTEMPT_TIMEOUT.multipliedBy(3))
        .isLessThanOrEqualTo(AwsClientFactory.API_CALL_TIMEOUT);
    assertThat(LeaseManager.ACT_MARGIN).isLessThan(LeaseTerms.DEFAULT_TTL.dividedBy(2));
  }
}
