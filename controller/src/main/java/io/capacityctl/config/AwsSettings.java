package io.capacityctl.config;

import java.util.List;

/**
 * Where capacityctl finds and keeps things in AWS. Optional in YAML (key {@code aws}); defaults are
 * derived from the config name so two configs in one account never collide.
 *
 * @param region AWS region, or null for the default region provider chain
 * @param ptNamePrefix every PT capacityctl creates is named with this prefix
 * @param routesParameter SSM parameter holding the routing table for callers
 * @param stateTable DynamoDB table for overrides, events, audit and the lease
 * @param metrics where observed traffic is read
 */
public record AwsSettings(
    String region,
    String ptNamePrefix,
    String routesParameter,
    String stateTable,
    MetricsSource metrics) {

  /** The defaults for a config named {@code name}. */
  public static AwsSettings defaultsFor(String name) {
    return new AwsSettings(
        null,
        "capacityctl-" + name + "-",
        "/capacityctl/" + name + "/routes",
        "capacityctl-" + name,
        MetricsSource.DEFAULT);
  }

  /**
   * Where to read observed tokens/s.
   *
   * @param kind {@code model-id}: AWS/Bedrock with dimension ModelId = the base model id; {@code
   *     pt-arns}: ModelId = each PT ARN (summed), plus the base model id for on-demand spill;
   *     {@code custom}: a custom metric (e.g. MangaAssist/TokensPerSecond) whose value is tokens/s
   * @param namespace custom metric namespace (custom only)
   * @param metricName custom metric name (custom only)
   * @param modelDimension custom metric dimension whose value is the model key (custom only)
   */
  public record MetricsSource(
      String kind, String namespace, String metricName, String modelDimension) {
    public static final String MODEL_ID = "model-id";
    public static final String PT_ARNS = "pt-arns";
    public static final String CUSTOM = "custom";
    public static final List<String> KINDS = List.of(MODEL_ID, PT_ARNS, CUSTOM);
    public static final MetricsSource DEFAULT = new MetricsSource(PT_ARNS, null, null, null);
  }
}
