package io.capacityctl.tokens;

import io.capacityctl.config.AwsSettings;
import io.capacityctl.config.BudgetConfig;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.config.PolicyConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Capacity configs built in code, so estimator tests do not depend on the config loader. */
public final class TestConfigs {
  private TestConfigs() {}

  /** MangaAssist's models: sonnet 1000 tokens/s/unit at $7.70, haiku 2000 at $2.50; 80% target. */
  public static CapacityConfig mangaassist() {
    return new CapacityConfig(
        "mangaassist",
        ZoneId.of("Asia/Tokyo"),
        Map.of(
            "sonnet", model("sonnet", 1000, 7.70, 60),
            "haiku", model("haiku", 2000, 2.50, 2)),
        null,
        List.of(),
        List.of(),
        PolicyConfig.DEFAULTS,
        BudgetConfig.NONE,
        AwsSettings.defaultsFor("mangaassist"),
        "test");
  }

  private static ModelConfig model(String key, double tpsPerUnit, double hourlyUsd, int maxUnits) {
    return new ModelConfig(
        key,
        "anthropic." + key,
        tpsPerUnit,
        hourlyUsd,
        0.0045,
        5000,
        0,
        maxUnits,
        Duration.ofMinutes(15));
  }
}
