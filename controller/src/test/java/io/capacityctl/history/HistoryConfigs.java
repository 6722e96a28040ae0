package io.capacityctl.history;

import io.capacityctl.config.AwsSettings;
import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two models (sonnet, haiku) and a metrics source: all a history read needs of a config. */
final class HistoryConfigs {
  static final String SONNET = "sonnet";
  static final String HAIKU = "haiku";

  private HistoryConfigs() {}

  static CapacityConfig modelId() {
    return with(new MetricsSource(MetricsSource.MODEL_ID, null, null, null));
  }

  static CapacityConfig custom() {
    return with(new MetricsSource(MetricsSource.CUSTOM, "Team", "TokensPerSecond", "Model"));
  }

  static CapacityConfig with(MetricsSource source) {
    Map<String, ModelConfig> models = new LinkedHashMap<>();
    models.put(SONNET, model(SONNET, "anthropic.claude-3-5-sonnet-20240620-v1:0"));
    models.put(HAIKU, model(HAIKU, "anthropic.claude-3-haiku-20240307-v1:0"));
    AwsSettings d = AwsSettings.defaultsFor("test");
    AwsSettings aws =
        new AwsSettings("us-east-1", d.ptNamePrefix(), d.routesParameter(), d.stateTable(), source);
    return new CapacityConfig(
        "test", ZoneOffset.UTC, models, null, List.of(), List.of(), null, null, aws, "test");
  }

  private static ModelConfig model(String key, String id) {
    return new ModelConfig(key, id, 1000, 40, 0.003, 500, 0, 20, Duration.ofMinutes(15));
  }
}
