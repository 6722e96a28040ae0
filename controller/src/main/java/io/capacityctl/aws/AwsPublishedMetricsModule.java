package io.capacityctl.aws;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.cloudwatch.CloudWatchPublishedMetrics;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.telemetry.EmfTelemetrySink;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Reads the controller's own metrics back from CloudWatch, where the EMF sink publishes them. */
@Module
public final class AwsPublishedMetricsModule {
  private AwsPublishedMetricsModule() {}

  @Provides
  static PublishedMetricsApi published(CloudWatchClient cloudWatch) {
    return new CloudWatchPublishedMetrics(cloudWatch, EmfTelemetrySink.DEFAULT_NAMESPACE);
  }
}
