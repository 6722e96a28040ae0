package io.capacityctl.aws.cloudwatch;

import io.capacityctl.config.AwsSettings;
import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal configs for the metrics adapter: two models and a metrics source. */
final class MetricsTestConfigs {
  static final String SONNET = "sonnet";
  static final String HAIKU = "haiku";
  static final String SONNET_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  static final String HAIKU_ID = "anthropic.claude-3-haiku-20240307-v1:0";

  private MetricsTestConfigs() {}

  static CapacityConfig config(MetricsSource source) {
    Map<String, ModelConfig> models = new LinkedHashMap<>();
    models.put(SONNET, model(SONNET, SONNET_ID));
    models.put(HAIKU, model(HAIKU, HAIKU_ID));
    AwsSettings defaults = AwsSettings.defaultsFor("test");
    AwsSettings aws =
        new AwsSettings(
            "us-east-1",
            defaults.ptNamePrefix(),
            defaults.routesParameter(),
            defaults.stateTable(),
            source);
    return new CapacityConfig(
        "test", ZoneOffset.UTC, models, null, List.of(), List.of(), null, null, aws, "test");
  }

  static MetricsSource modelIdSource() {
    return new MetricsSource(MetricsSource.MODEL_ID, null, null, null);
  }

  static MetricsSource ptArnsSource() {
    return new MetricsSource(MetricsSource.PT_ARNS, null, null, null);
  }

  static MetricsSource customSource() {
    return new MetricsSource(MetricsSource.CUSTOM, "MangaAssist", "TokensPerSecond", "Model");
  }

  private static ModelConfig model(String key, String id) {
    return new ModelConfig(key, id, 1000, 40, 0.003, 500, 0, 20, Duration.ofMinutes(15));
  }
}
