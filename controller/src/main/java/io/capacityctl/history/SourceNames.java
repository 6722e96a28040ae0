package io.capacityctl.history;

import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;

/** The metrics a backtest reads for a model, as the output names them. */
public final class SourceNames {
  private SourceNames() {}

  /**
   * @param arns the {@code pt-arns} lookups made so far (their counts are part of the name)
   */
  public static String of(CapacityConfig config, PtArnSources arns, String model) {
    MetricsSource source = config.aws().metrics();
    String modelId = config.model(model).modelId();
    return switch (source.kind()) {
      case MetricsSource.CUSTOM ->
          String.format(
              "%s %s, %s=%s (tokens/s)",
              source.namespace(), source.metricName(), source.modelDimension(), model);
      case MetricsSource.PT_ARNS ->
          "AWS/Bedrock input+output tokens, ModelId=" + modelId + " and " + arns.describe(model);
      default -> "AWS/Bedrock input+output tokens, ModelId=" + modelId;
    };
  }
}
