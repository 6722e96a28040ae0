package io.capacityctl.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Production token drift checking (optional key {@code intents}): where the intents file is, what
 * it budgets, and the custom metric the application publishes its tokens per request in.
 *
 * @param file the intents file as resolved (path or classpath resource), for messages
 * @param budgets intent to budget in tokens per request, in file order
 * @param metric where observed tokens per request are read
 */
public record IntentsConfig(String file, Map<String, Integer> budgets, Metric metric) {
  public IntentsConfig {
    budgets = Collections.unmodifiableMap(new LinkedHashMap<>(budgets));
  }

  /**
   * A custom metric whose datapoints are one request's tokens, e.g. {@code
   * MangaAssist/TokensPerIntent} with dimension {@code Intent} = the intent's name.
   */
  public record Metric(String namespace, String name, String dimension) {
    public static final String DEFAULT_NAME = "TokensPerIntent";
    public static final String DEFAULT_DIMENSION = "Intent";
  }
}
