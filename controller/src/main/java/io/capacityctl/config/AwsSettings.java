package io.capacityctl.config;

import java.time.Duration;
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
 * @param adoptFrom old names of this configuration (before a rename): PTs tagged with them are
 *     managed as this configuration's own, instead of bought again (docs/orphans.md)
 * @param removedModelGrace how long this configuration's PTs that no configured model claims any
 *     more (model removed, key or model id changed) stay, out of the routing table, before they are
 *     deleted: a removal undone within it buys nothing again
 */
public record AwsSettings(
    String region,
    String ptNamePrefix,
    String routesParameter,
    String stateTable,
    MetricsSource metrics,
    List<String> adoptFrom,
    Duration removedModelGrace) {

  /** Long enough to undo an edit that removed a model by mistake; a quarter-hour of its units. */
  public static final Duration DEFAULT_REMOVED_MODEL_GRACE = Duration.ofMinutes(15);

  /** An hour of units billed for nothing is the most a removed model may cost. */
  public static final Duration MAX_REMOVED_MODEL_GRACE = Duration.ofHours(1);

  public AwsSettings {
    adoptFrom = List.copyOf(adoptFrom);
  }

  /** Settings that adopt nothing, with the default grace for removed models. */
  public AwsSettings(
      String region,
      String ptNamePrefix,
      String routesParameter,
      String stateTable,
      MetricsSource metrics) {
    this(
        region,
        ptNamePrefix,
        routesParameter,
        stateTable,
        metrics,
        List.of(),
        DEFAULT_REMOVED_MODEL_GRACE);
  }

  /** The defaults for a config named {@code name}. */
  public static AwsSettings defaultsFor(String name) {
    return new AwsSettings(
        null,
        "capacityctl-" + name + "-",
        "/capacityctl/" + name + "/routes",
        defaultStateTable(name),
        MetricsSource.DEFAULT);
  }

  /** The state table of a config named {@code name} that does not set {@code aws.stateTable}. */
  public static String defaultStateTable(String name) {
    return "capacityctl-" + name;
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
