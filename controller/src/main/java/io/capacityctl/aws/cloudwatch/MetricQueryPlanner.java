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
    boolean custom = MetricsSource.CUSTOM.equals(source.kind());
    List<MetricQuery> queries = new ArrayList<>();
    for (String key : modelKeys) {
      Set<String> bedrockIds = new LinkedHashSet<>();
      if (MetricsSource.PT_ARNS.equals(source.kind())) {
        bedrockIds.addAll(ptArns.apply(key));
      }
      // The base model id carries on-demand traffic, including the spill above provisioned.
      bedrockIds.add(config.model(key).modelId());
      if (custom) {
        // The custom gauge is tokens/s; its per-minute Average x 60 is tokens in that minute.
        Dimension model = new Dimension(source.modelDimension(), key);
        queries.add(
            query(queries, key, Field.TOKENS, 60, source.namespace(), source.metricName(), model)
                .withStat(AVERAGE));
      }
      for (String id : bedrockIds) {
        if (!custom) {
          queries.add(bedrock(queries, key, Field.TOKENS, "InputTokenCount", id));
          queries.add(bedrock(queries, key, Field.TOKENS, "OutputTokenCount", id));
        }
        queries.add(bedrock(queries, key, Field.INVOCATIONS, "Invocations", id));
        queries.add(bedrock(queries, key, Field.THROTTLES, "InvocationThrottles", id));
      }
    }
    return queries;
  }

  private static MetricQuery bedrock(
      List<MetricQuery> sofar, String key, Field field, String metric, String modelId) {
    Dimension dimension = new Dimension(MODEL_ID_DIMENSION, modelId);
    return query(sofar, key, field, 1, BEDROCK_NAMESPACE, metric, dimension);
  }

  /** A Sum query whose id follows the ones planned so far. */
  private static MetricQuery query(
      List<MetricQuery> sofar,
      String key,
      Field field,
      double scale,
      String namespace,
      String metric,
      Dimension dimension) {
    return new MetricQuery(
        "q" + sofar.size(),
        key,
        field,
        scale,
        namespace,
        metric,
        dimension.name(),
        dimension.value(),
        SUM);
  }

  private record Dimension(String name, String value) {}
}
