package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/** Each alarm with its metric, threshold, period, evaluation count and missing-data rule. */
class AlarmsTest {
  private static final String ABOVE = "GreaterThanThreshold";
  private static final String AT_LEAST = "GreaterThanOrEqualToThreshold";

  static Stream<Arguments> alarms() {
    return Stream.of(
        alarm(
            "waste-ratio-sonnet",
            metric("capacityctl", "WasteRatio", "Average", 3600, Map.of("Model", "sonnet")),
            0.5,
            ABOVE,
            2,
            "notBreaching"),
        alarm(
            "waste-ratio-haiku",
            metric("capacityctl", "WasteRatio", "Average", 3600, Map.of("Model", "haiku")),
            0.5,
            ABOVE,
            2,
            "notBreaching"),
        alarm(
            "throttles-sonnet",
            metric(
                "AWS/Bedrock",
                "InvocationThrottles",
                "Sum",
                60,
                Map.of("ModelId", "anthropic.claude-3-sonnet-20240229-v1:0")),
            0,
            ABOVE,
            5,
            "notBreaching"),
        alarm(
            "throttles-haiku",
            metric(
                "AWS/Bedrock",
                "InvocationThrottles",
                "Sum",
                60,
                Map.of("ModelId", "anthropic.claude-3-haiku-20240307-v1:0")),
            0,
            ABOVE,
            5,
            "notBreaching"),
        alarm(
            "reconcile-errors",
            metric("capacityctl", "ReconcileErrors", "Sum", 300, null),
            0,
            ABOVE,
            1,
            "notBreaching"),
        // A dead or denied controller publishes nothing: missing data must page.
        alarm(
            "heartbeat-missing",
            metric("capacityctl", "Heartbeat", "Sum", 60, null),
            1,
            "LessThanThreshold",
            5,
            "breaching"),
        alarm(
            "capacity-mismatch",
            metric("capacityctl", "CapacityMismatch", "Minimum", 300, null),
            0,
            ABOVE,
            3,
            "notBreaching"),
        alarm(
            "config-invalid",
            metric("capacityctl", "ConfigInvalid", "Maximum", 300, null),
            0,
            ABOVE,
            1,
            "notBreaching"),
        alarm(
            "pt-stuck-creating",
            query("SELECT MAX(PtStuckCreating) FROM capacityctl", 900),
            0,
            ABOVE,
            1,
            "notBreaching"),
        alarm(
            "quota-exceeded",
            query("SELECT SUM(QuotaExceeded) FROM capacityctl", 300),
            0,
            ABOVE,
            1,
            "notBreaching"),
        // Hold (2) or alarm (3) for 10 of 15 minutes; silence is not being in control either.
        alarm(
            "degraded-control",
            rule(
                metric("capacityctl", "DegradationLevel", "Maximum", 60, null),
                2,
                AT_LEAST,
                15,
                10,
                "breaching")),
        // MangaAssist has a budget cap. Hold passes publish no budget level: skipped, not OK.
        alarm(
            "budget-90",
            metric("capacityctl", "BudgetAlertLevel", "Minimum", 300, null),
            90,
            AT_LEAST,
            3,
            "missing"),
        alarm(
            "budget-100",
            metric("capacityctl", "BudgetAlertLevel", "Minimum", 300, null),
            100,
            AT_LEAST,
            1,
            "missing"),
        alarm(
            "tokens-over-budget",
            query("SELECT MAX(TokensPerIntentOverBudget) FROM capacityctl", 3600),
            1,
            ABOVE,
            1,
            "notBreaching"),
        // Units billed with no live configuration claiming them, seen in each of three 5-minute
        // periods: 15 minutes (issue 17), whatever dimensions the orphan sweep publishes.
        alarm(
            "orphaned-units",
            query("SELECT MAX(OrphanedUnits) FROM capacityctl", 300),
            0,
            ABOVE,
            3,
            "notBreaching"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alarms")
  void bothModesHaveTheAlarm(String name, Map<String, Object> expected) {
    for (Synthesized.Synth synth : List.of(Synthesized.lambda(), Synthesized.ecs())) {
      synth
          .template()
          .hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(named(name, expected)));
    }
  }

  @ParameterizedTest
  @MethodSource("lambdaJobs")
  void lambdaModeAlarmsOnEachFunctionsErrors(String job) {
    Synthesized.lambda()
        .template()
        .hasResourceProperties(
            "AWS::CloudWatch::Alarm",
            Match.objectLike(
                named(
                    "lambda-errors-" + job,
                    rule(
                        Map.of(
                            "Namespace", "AWS/Lambda",
                            "MetricName", "Errors",
                            "Statistic", "Sum",
                            "Period", 300,
                            "Dimensions",
                                List.of(Map.of("Name", "FunctionName", "Value", Match.anyValue()))),
                        0,
                        ABOVE,
                        1,
                        "notBreaching"))));
  }

  static Stream<String> lambdaJobs() {
    return Stream.of("reconcile", "health-check", "waste-report");
  }

  @Test
  void lambdaModeAlarmsOnUndeliveredTicks() {
    Synthesized.lambda()
        .template()
        .hasResourceProperties(
            "AWS::CloudWatch::Alarm",
            Match.objectLike(
                named(
                    "schedule-dead-letters",
                    rule(
                        Map.of(
                            "Namespace", "AWS/SQS",
                            "MetricName", "ApproximateNumberOfMessagesVisible",
                            "Period", 300),
                        0,
                        ABOVE,
                        1,
                        "notBreaching"))));
  }

  @Test
  void everyAlarmNotifiesTheTopicOnAlarmAndOnRecovery() {
    for (Synthesized.Synth synth : List.of(Synthesized.lambda(), Synthesized.ecs())) {
      String topic = synth.template().findResources("AWS::SNS::Topic").keySet().iterator().next();
      Map<String, Map<String, Object>> alarms =
          Synthesized.resourcesOf(synth, "AWS::CloudWatch::Alarm");

      assertThat(alarms).hasSize(synth == Synthesized.lambda() ? 19 : 15);
      assertThat(alarms.values())
          .allSatisfy(
              a -> {
                assertThat(a.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", topic)));
                assertThat(a.get("OKActions")).isEqualTo(List.of(Map.of("Ref", topic)));
              });
    }
  }

  @Test
  void withoutABudgetCapThereIsNoBudgetAlarmButTheDegradationAlarmStays() {
    Map<String, Map<String, Object>> alarms =
        Synthesized.resourcesOf(Synthesized.fileConfig(), "AWS::CloudWatch::Alarm");

    // The level is only published with a cap: an alarm on it would watch an empty series.
    assertThat(alarms.values())
        .extracting(a -> a.get("AlarmName"))
        .contains("capacityctl-newyork-degraded-control")
        .noneMatch(n -> n.toString().contains("budget-"));
  }

  @Test
  void anAlarmEmailIsSubscribedToTheTopic() {
    Synthesized.fileConfig()
        .template()
        .hasResourceProperties(
            "AWS::SNS::Subscription",
            Map.of(
                "Protocol",
                "email",
                "Endpoint",
                "oncall@example.com",
                "TopicArn",
                Match.anyValue()));
    Synthesized.lambda().template().resourceCountIs("AWS::SNS::Subscription", 0);
  }

  private static Arguments alarm(String name, Map<String, Object> rule) {
    return Arguments.of(name, rule);
  }

  private static Arguments alarm(
      String name,
      Map<String, Object> metric,
      double threshold,
      String comparison,
      int periods,
      String missing) {
    return Arguments.of(name, rule(metric, threshold, comparison, periods, missing));
  }

  private static Map<String, Object> metric(
      String namespace, String name, String statistic, int period, Map<String, String> dims) {
    Map<String, Object> m = new HashMap<>();
    m.put("Namespace", namespace);
    m.put("MetricName", name);
    m.put("Statistic", statistic);
    m.put("Period", period);
    // Absent dimensions must stay absent: an alarm with a dimension the publisher does not emit
    // watches an empty series.
    m.put(
        "Dimensions",
        dims == null
            ? Match.absent()
            : dims.entrySet().stream()
                .map(e -> Map.of("Name", e.getKey(), "Value", e.getValue()))
                .toList());
    return m;
  }

  /** A Metrics Insights query over every series of a metric, whatever its dimensions. */
  private static Map<String, Object> query(String sql, int period) {
    return Map.of(
        "Metrics",
        List.of(Match.objectLike(Map.of("Expression", sql, "Period", period))),
        "MetricName",
        Match.absent());
  }

  private static Map<String, Object> rule(
      Map<String, Object> metric,
      double threshold,
      String comparison,
      int periods,
      String missing) {
    return rule(metric, threshold, comparison, periods, periods, missing);
  }

  /** {@code breaching} of the last {@code periods} periods must breach. */
  private static Map<String, Object> rule(
      Map<String, Object> metric,
      double threshold,
      String comparison,
      int periods,
      int breaching,
      String missing) {
    Map<String, Object> props = new HashMap<>(metric);
    props.put("Threshold", threshold);
    props.put("ComparisonOperator", comparison);
    props.put("EvaluationPeriods", periods);
    props.put("DatapointsToAlarm", breaching);
    props.put("TreatMissingData", missing);
    return props;
  }

  private static Map<String, Object> named(String name, Map<String, Object> props) {
    Map<String, Object> withName = new HashMap<>(props);
    withName.put("AlarmName", "capacityctl-mangaassist-" + name);
    return withName;
  }
}
