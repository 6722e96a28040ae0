package io.capacityctl.aws.cloudwatch;

import io.capacityctl.aws.cloudwatch.MetricQuery.Field;
import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.config.CapacityConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the configured metrics source into the list of per-metric queries of one GetMetricData
 * call. Pure: no SDK call, so the query set is tested without AWS.
 *
 * <p>Sums (input + output tokens, PT ARNs + on-demand model id) are added in code from separate
 * queries rather than with metric math: GetMetricData is billed per metric requested either way,
 * and moto (the emulator the tests use) does not evaluate metric math expressions.
 */
final class MetricQueryPlanner {
  static final String BEDROCK_NAMESPACE = "AWS/Bedrock";
  static final String MODEL_ID_DIMENSION = "ModelId";
  static final String SUM = "Sum";
  static final String AVERAGE = "Average";

  private final CapacityConfig config;
  private final Function<String, ? extends Collection<String>> ptArns;

  /**
   * @param ptArns model key to the PT ARNs whose traffic counts ({@code pt-arns} source only);
   *     include PTs deleted inside the read window when known, or their minutes are undercounted
   */
  MetricQueryPlanner(CapacityConfig config, Function<String, ? extends Collection<String>> ptArns) {
    this.config = config;
    this.ptArns = ptArns;
  }

  List<MetricQuery> plan(List<String> modelKeys) {
    MetricsSource source = config.aws().metrics();
    List<MetricQuery> queries = new ArrayList<>();
    for (String key : modelKeys) {
      String modelId = config.model(key).modelId();
      Set<String> bedrockIds = new LinkedHashSet<>();
      if (MetricsSource.PT_ARNS.equals(source.kind())) {
        bedrockIds.addAll(ptArns.apply(key));
      }
      bedrockIds.add(modelId); // on-demand traffic, and the spill above provisioned capacity
      boolean custom = MetricsSource.CUSTOM.equals(source.kind());
      if (custom) {
        // The custom gauge is tokens/s; its per-minute Average x 60 is tokens in that minute.
        add(
            queries,
            key,
            Field.TOKENS,
            60,
            source.namespace(),
            source.metricName(),
            source.modelDimension(),
            key,
            AVERAGE);
      }
      for (String id : bedrockIds) {
        if (!custom) {
          add(
              queries,
              key,
              Field.TOKENS,
              1,
              BEDROCK_NAMESPACE,
              "InputTokenCount",
              MODEL_ID_DIMENSION,
              id,
              SUM);
          add(
              queries,
              key,
              Field.TOKENS,
              1,
              BEDROCK_NAMESPACE,
              "OutputTokenCount",
              MODEL_ID_DIMENSION,
              id,
              SUM);
        }
        add(
            queries,
            key,
            Field.INVOCATIONS,
            1,
            BEDROCK_NAMESPACE,
            "Invocations",
            MODEL_ID_DIMENSION,
            id,
            SUM);
        add(
            queries,
            key,
            Field.THROTTLES,
            1,
            BEDROCK_NAMESPACE,
            "InvocationThrottles",
            MODEL_ID_DIMENSION,
            id,
            SUM);
      }
    }
    return queries;
  }

  private static void add(
      List<MetricQuery> queries,
      String key,
      Field field,
      double scale,
      String namespace,
      String metric,
      String dimension,
      String value,
      String stat) {
    String id = "q" + queries.size();
    queries.add(new MetricQuery(id, key, field, scale, namespace, metric, dimension, value, stat));
  }
}
