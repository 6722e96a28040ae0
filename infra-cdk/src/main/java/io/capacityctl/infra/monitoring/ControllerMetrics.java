package io.capacityctl.infra.monitoring;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.runtime.ConfigReloader;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics alarms and the dashboard read: the controller's own (Embedded Metric Format logs,
 * namespace {@value #NAMESPACE}) and Bedrock's throttles. Unlabelled, so that an alarm on one is a
 * plain metric alarm; the dashboard labels its lines.
 */
public final class ControllerMetrics {
  public static final String NAMESPACE = "capacityctl";
  public static final String MODEL_DIMENSION = "Model";

  public static final String WASTE_RATIO = "WasteRatio";
  public static final String OBSERVED_TPS = "ObservedTps";
  public static final String PROVISIONED_TPS = "ProvisionedTps";
  public static final String TARGET_UNITS = "TargetUnits";
  public static final String IN_SERVICE_UNITS = "InServiceUnits";
  public static final String ECS_DESIRED = "EcsDesired";
  public static final String ECS_RUNNING = "EcsRunning";
  public static final String CAPACITY_MISMATCH = "CapacityMismatch";
  public static final String RECONCILE_ERRORS = "ReconcileErrors";
  public static final String HEARTBEAT = "Heartbeat";
  public static final String QUOTA_EXCEEDED = "QuotaExceeded";
  public static final String PT_STUCK_CREATING = "PtStuckCreating";
  public static final String TOKENS_PER_INTENT_OVER_BUDGET = "TokensPerIntentOverBudget";
  public static final String CONFIG_INVALID = ConfigReloader.METRIC;
  public static final String DEGRADATION_LEVEL = "DegradationLevel";
  public static final String BUDGET_ALERT_LEVEL = "BudgetAlertLevel";

  /** Units billed in PTs tagged managed-by=capacityctl that no live configuration claims. */
  public static final String ORPHANED_UNITS = "OrphanedUnits";

  private ControllerMetrics() {}

  /** A per-model metric (dimension {@value #MODEL_DIMENSION} = the model's key). */
  public static Metric model(String name, String modelKey, String statistic, Duration period) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of(MODEL_DIMENSION, modelKey))
        .statistic(statistic)
        .period(period)
        .build();
  }

  /** A controller-wide metric (no dimension). */
  public static Metric controller(String name, String statistic, Duration period) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(name)
        .statistic(statistic)
        .period(period)
        .build();
  }

  /**
   * Every series of {@code name} whatever its dimensions, aggregated by a Metrics Insights query:
   * one alarm then covers every model or intent, and still fires if a publisher adds a dimension.
   *
   * @param function a Metrics Insights aggregate: {@code SUM}, {@code MAX}, ...
   */
  public static IMetric anyDimensions(String name, String function, Duration period) {
    return MathExpression.Builder.create()
        .expression(String.format("SELECT %s(%s) FROM %s", function, name, NAMESPACE))
        .usingMetrics(Map.of())
        .period(period)
        .label(name)
        .build();
  }

  /**
   * Bedrock throttles under the base model id: requests that found no provisioned capacity spill to
   * on-demand and are throttled there. (PT traffic is reported under each PT's ARN, which changes
   * with every purchase, so it cannot be named in a static alarm.)
   */
  public static Metric bedrockThrottles(ModelConfig model, Duration period) {
    return Metric.Builder.create()
        .namespace("AWS/Bedrock")
        .metricName("InvocationThrottles")
        .dimensionsMap(Map.of("ModelId", model.modelId()))
        .statistic("Sum")
        .period(period)
        .build();
  }
}
