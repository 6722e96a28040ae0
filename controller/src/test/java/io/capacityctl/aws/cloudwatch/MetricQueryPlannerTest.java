package io.capacityctl.aws.cloudwatch;

import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU_ID;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.cloudwatch.MetricQuery.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricQueryPlannerTest {
  private static final List<String> SONNET_ARNS =
      List.of(
          "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a1",
          "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/a2");

  @Test
  void modelIdSourceReadsFourBedrockMetricsPerModelByBaseModelId() {
    var planner =
        new MetricQueryPlanner(
            MetricsTestConfigs.config(MetricsTestConfigs.modelIdSource()), k -> SONNET_ARNS);

    List<MetricQuery> queries = planner.plan(List.of(SONNET, HAIKU));

    assertThat(queries).hasSize(8);
    assertThat(queries)
        .filteredOn(q -> q.modelKey().equals(HAIKU))
        .extracting(MetricQuery::dimensionValue)
        .containsOnly(HAIKU_ID);
    assertThat(queries)
        .extracting(MetricQuery::metricName)
        .containsOnly("InputTokenCount", "OutputTokenCount", "Invocations", "InvocationThrottles");
    assertThat(queries).allMatch(q -> q.stat().equals("Sum") && q.scale() == 1);
  }

  @Test
  void ptArnsSourceReadsEveryArnAndTheBaseModelIdForOnDemandSpill() {
    var planner =
        new MetricQueryPlanner(
            MetricsTestConfigs.config(MetricsTestConfigs.ptArnsSource()),
            k -> k.equals(SONNET) ? SONNET_ARNS : List.of());

    List<MetricQuery> sonnet =
        planner.plan(List.of(SONNET, HAIKU)).stream()
            .filter(q -> q.modelKey().equals(SONNET))
            .toList();

    assertThat(sonnet).hasSize(12);
    assertThat(sonnet)
        .filteredOn(q -> q.field() == Field.TOKENS)
        .extracting(MetricQuery::dimensionValue)
        .containsExactlyInAnyOrder(
            SONNET_ARNS.get(0),
            SONNET_ARNS.get(0),
            SONNET_ARNS.get(1),
            SONNET_ARNS.get(1),
            SONNET_ID,
            SONNET_ID);
  }

  @Test
  void customSourceTurnsTheTokensPerSecondGaugeIntoTokensPerMinute() {
    var planner =
        new MetricQueryPlanner(
            MetricsTestConfigs.config(MetricsTestConfigs.customSource()), k -> List.of());

    List<MetricQuery> tokens =
        planner.plan(List.of(SONNET)).stream().filter(q -> q.field() == Field.TOKENS).toList();

    assertThat(tokens).hasSize(1);
    MetricQuery q = tokens.get(0);
    assertThat(List.of(q.namespace(), q.metricName(), q.dimensionName(), q.dimensionValue()))
        .containsExactly("MangaAssist", "TokensPerSecond", "Model", SONNET);
    assertThat(q.stat()).isEqualTo("Average");
    assertThat(q.scale()).isEqualTo(60);
  }

  @Test
  void queryIdsAreUniqueAndValidForGetMetricData() {
    var planner =
        new MetricQueryPlanner(
            MetricsTestConfigs.config(MetricsTestConfigs.ptArnsSource()), k -> SONNET_ARNS);

    List<MetricQuery> queries = planner.plan(List.of(SONNET, HAIKU));

    assertThat(queries).extracting(MetricQuery::id).doesNotHaveDuplicates();
    assertThat(queries).allMatch(q -> q.id().matches("[a-z][A-Za-z0-9_]*"));
  }

  @Test
  void anUnknownModelKeyIsRejected() {
    var planner =
        new MetricQueryPlanner(
            MetricsTestConfigs.config(MetricsTestConfigs.modelIdSource()), k -> List.of());

    assertThatThrownBy(() -> planner.plan(List.of("opus")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opus");
  }

  @Test
  void everyFieldOfEveryModelIsCovered() {
    var planner =
        new MetricQueryPlanner(
            MetricsTestConfigs.config(MetricsTestConfigs.modelIdSource()), k -> List.of());

    Map<String, List<Field>> fields =
        planner.plan(List.of(SONNET, HAIKU)).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    MetricQuery::modelKey,
                    java.util.stream.Collectors.mapping(
                        MetricQuery::field, java.util.stream.Collectors.toList())));

    assertThat(fields.get(SONNET)).containsOnly(Field.values());
    assertThat(fields.get(HAIKU)).containsOnly(Field.values());
  }
}
