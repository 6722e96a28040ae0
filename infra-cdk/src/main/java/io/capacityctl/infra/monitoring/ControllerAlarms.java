package io.capacityctl.infra.monitoring;

import static io.capacityctl.infra.monitoring.ControllerMetrics.CAPACITY_MISMATCH;
import static io.capacityctl.infra.monitoring.ControllerMetrics.CONFIG_INVALID;
import static io.capacityctl.infra.monitoring.ControllerMetrics.HEARTBEAT;
import static io.capacityctl.infra.monitoring.ControllerMetrics.PT_STUCK_CREATING;
import static io.capacityctl.infra.monitoring.ControllerMetrics.QUOTA_EXCEEDED;
import static io.capacityctl.infra.monitoring.ControllerMetrics.RECONCILE_ERRORS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.TOKENS_PER_INTENT_OVER_BUDGET;
import static io.capacityctl.infra.monitoring.ControllerMetrics.WASTE_RATIO;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The alarms that make a controller fault loud (MangaAssist incident 4: AccessDenied was logged and
 * nobody knew), all notifying one SNS topic, on alarm and on recovery.
 */
public final class ControllerAlarms extends Construct {

  /**
   * @param functions job name to Lambda function; empty in ECS mode
   * @param deadLetters the schedules' dead-letter queue, when there is one
   * @param email an address to subscribe to the topic, when given
   */
  public record Props(
      CapacityConfig config,
      Map<String, IFunction> functions,
      Optional<IQueue> deadLetters,
      Optional<String> email) {}

  /** How many periods the alarm looks at; every one of them must breach. */
  private record Rule(
      double threshold, ComparisonOperator comparison, int periods, TreatMissingData missingData) {}

  private static final ComparisonOperator ABOVE = ComparisonOperator.GREATER_THAN_THRESHOLD;

  private final Topic topic;
  private final String prefix;

  public ControllerAlarms(Construct scope, String id, Props props) {
    super(scope, id);
    CapacityConfig config = props.config();
    prefix = "capacityctl-" + config.name() + "-";
    topic = Topic.Builder.create(this, "Topic").displayName("capacityctl " + config.name()).build();
    props.email().ifPresent(e -> topic.addSubscription(new EmailSubscription(e)));

    for (ModelConfig m : config.models().values()) {
      // The seed's rule: more than half the provisioned throughput idle for two hours running.
      alarm(
          "waste-ratio-" + m.key(),
          m.key()
              + ": over half of the provisioned throughput idle for 2 consecutive hours."
              + " Check the schedule for this time of day and the event calendar.",
          ControllerMetrics.model(WASTE_RATIO, m.key(), "Average", Duration.hours(1)),
          new Rule(0.5, ABOVE, 2, TreatMissingData.NOT_BREACHING));
      // Missing data: Bedrock publishes nothing when nothing is invoked.
      alarm(
          "throttles-" + m.key(),
          m.key() + ": Bedrock throttled requests every minute for 5 minutes: capacity is short.",
          ControllerMetrics.bedrockThrottles(m, Duration.minutes(1)),
          new Rule(0, ABOVE, 5, TreatMissingData.NOT_BREACHING));
    }
    alarm(
        "reconcile-errors",
        "A reconcile pass failed an AWS call (AccessDenied, throttling, quota...). See the"
            + " controller logs and the audit trail.",
        ControllerMetrics.controller(RECONCILE_ERRORS, "Sum", Duration.minutes(5)),
        new Rule(0, ABOVE, 1, TreatMissingData.NOT_BREACHING));
    props
        .functions()
        .forEach(
            (job, fn) ->
                alarm(
                    "lambda-errors-" + job,
                    "The " + job + " Lambda failed (an unhealthy health check fails on purpose).",
                    fn.metricErrors(
                        MetricOptions.builder()
                            .statistic("Sum")
                            .period(Duration.minutes(5))
                            .build()),
                    new Rule(0, ABOVE, 1, TreatMissingData.NOT_BREACHING)));
    // Every pass publishes a heartbeat: no data at all is the controller being dead or denied.
    alarm(
        "heartbeat-missing",
        "No reconcile pass for 5 minutes: the controller is not running (or cannot log).",
        ControllerMetrics.controller(HEARTBEAT, "Sum", Duration.minutes(1)),
        new Rule(1, ComparisonOperator.LESS_THAN_THRESHOLD, 5, TreatMissingData.BREACHING));
    // Minimum: every sample in each of three 5-minute periods saw capacity short of the plan.
    alarm(
        "capacity-mismatch",
        "Capacity has been short of the plan for 15 minutes.",
        ControllerMetrics.controller(CAPACITY_MISMATCH, "Minimum", Duration.minutes(5)),
        new Rule(0, ABOVE, 3, TreatMissingData.NOT_BREACHING));
    // Published on every pass and health check: a rejected configuration pages at once, and
    // clears with the first pass after the fix is read.
    alarm(
        "config-invalid",
        "The configuration read last was rejected (invalid, or its SSM parameter or S3 object"
            + " unreadable): the controller runs on the last good one. The controller's ERROR log"
            + " and the health check name the location, line and field.",
        ControllerMetrics.controller(CONFIG_INVALID, "Maximum", Duration.minutes(5)),
        new Rule(0, ABOVE, 1, TreatMissingData.NOT_BREACHING));
    alarm(
        "pt-stuck-creating",
        "A provisioned throughput has been Creating for longer than its provisioning time.",
        ControllerMetrics.anyDimensions(PT_STUCK_CREATING, "MAX", Duration.minutes(15)),
        new Rule(0, ABOVE, 1, TreatMissingData.NOT_BREACHING));
    alarm(
        "quota-exceeded",
        "A purchase hit the model-unit quota: ask AWS support for a raise.",
        ControllerMetrics.anyDimensions(QUOTA_EXCEEDED, "SUM", Duration.minutes(5)),
        new Rule(0, ABOVE, 1, TreatMissingData.NOT_BREACHING));
    // The metric is observed / budgeted tokens per request (TokenDrift): above 1 is over budget.
    alarm(
        "tokens-over-budget",
        "An intent uses more tokens per request than its budget (incident 5).",
        ControllerMetrics.anyDimensions(TOKENS_PER_INTENT_OVER_BUDGET, "MAX", Duration.hours(1)),
        new Rule(1, ABOVE, 1, TreatMissingData.NOT_BREACHING));
    props
        .deadLetters()
        .ifPresent(
            q ->
                alarm(
                    "schedule-dead-letters",
                    "EventBridge Scheduler could not deliver a tick: see the dead-letter queue.",
                    q.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder()
                            .statistic("Maximum")
                            .period(Duration.minutes(5))
                            .build()),
                    new Rule(0, ABOVE, 1, TreatMissingData.NOT_BREACHING)));
  }

  private void alarm(String name, String description, IMetric metric, Rule rule) {
    Alarm alarm =
        Alarm.Builder.create(this, name)
            .alarmName(prefix + name)
            .alarmDescription(description)
            .metric(metric)
            .threshold(rule.threshold())
            .comparisonOperator(rule.comparison())
            .evaluationPeriods(rule.periods())
            .datapointsToAlarm(rule.periods())
            .treatMissingData(rule.missingData())
            .build();
    alarm.addAlarmAction(new SnsAction(topic));
    alarm.addOkAction(new SnsAction(topic));
  }
}
