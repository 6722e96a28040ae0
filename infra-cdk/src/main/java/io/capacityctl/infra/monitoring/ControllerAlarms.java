package io.capacityctl.infra.monitoring;

import static io.capacityctl.infra.monitoring.ControllerMetrics.BUDGET_ALERT_LEVEL;
import static io.capacityctl.infra.monitoring.ControllerMetrics.CAPACITY_MISMATCH;
import static io.capacityctl.infra.monitoring.ControllerMetrics.CONFIG_INVALID;
import static io.capacityctl.infra.monitoring.ControllerMetrics.DEGRADATION_LEVEL;
import static io.capacityctl.infra.monitoring.ControllerMetrics.HEARTBEAT;
import static io.capacityctl.infra.monitoring.ControllerMetrics.ORPHANED_UNITS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.PT_STUCK_CREATING;
import static io.capacityctl.infra.monitoring.ControllerMetrics.QUOTA_EXCEEDED;
import static io.capacityctl.infra.monitoring.ControllerMetrics.RECONCILE_ERRORS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.TOKENS_PER_INTENT_OVER_BUDGET;
import static io.capacityctl.infra.monitoring.ControllerMetrics.WASTE_RATIO;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.kms.IKey;
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
   * @param key the customer managed key the topic is encrypted with (its policy admits CloudWatch
   *     alarms and EventBridge, which the AWS managed aws/sns key cannot)
   */
  public record Props(
      CapacityConfig config,
      Map<String, IFunction> functions,
      Optional<IQueue> deadLetters,
      Optional<String> email,
      IKey key) {}

  /** The alarm looks at {@code periods} periods; {@code breaching} of them must breach. */
  private record Rule(
      double threshold,
      ComparisonOperator comparison,
      int periods,
      int breaching,
      TreatMissingData missingData) {

    /** Every period looked at must breach. */
    Rule(
        double threshold,
        ComparisonOperator comparison,
        int periods,
        TreatMissingData missingData) {
      this(threshold, comparison, periods, periods, missingData);
    }
  }

  private static final ComparisonOperator ABOVE = ComparisonOperator.GREATER_THAN_THRESHOLD;
  private static final ComparisonOperator AT_LEAST =
      ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;

  private final Topic topic;
  private final String prefix;

  public ControllerAlarms(Construct scope, String id, Props props) {
    super(scope, id);
    CapacityConfig config = props.config();
    prefix = "capacityctl-" + config.name() + "-";
    topic =
        Topic.Builder.create(this, "Topic")
            .displayName("capacityctl " + config.name())
            .masterKey(props.key())
            .enforceSsl(true)
            .build();
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
    // Level 2 (hold: circuit open, no Bedrock or ECS call) and 3 (alarm: a terminal error such as
    // AccessDenied) mean the controller is not changing capacity at all. Level 1 (schedule-only)
    // is not alarmed here: a model nobody invokes publishes no metrics, so an idle model sits at 1
    // legitimately, and it never scales down; stale metrics while units are in service already
    // fail the health check. 10 of 15 minutes: one 5-minute hold after a throttling burst stays
    // quiet, a circuit that keeps re-opening (4 hold passes of every 5) or a denial does not. A
    // controller that publishes nothing is not in control either: missing data breaches
    // (heartbeat-missing names the cause).
    alarm(
        "degraded-control",
        "The controller has not been in control of capacity for 10 of the last 15 minutes:"
            + " DegradationLevel 2 (hold: Bedrock/ECS throttling or unavailable, circuit open) or 3"
            + " (alarm: AccessDenied or Validation on an AWS call), or no level published at all."
            + " Capacity is held as it is. See the pass warnings 'degraded: ...'.",
        ControllerMetrics.controller(DEGRADATION_LEVEL, "Maximum", Duration.minutes(1)),
        new Rule(2, AT_LEAST, 15, 10, TreatMissingData.BREACHING));
    if (config.budget().hourlyCapUsd() > 0) {
      // Published only with a cap, and not by hold passes (they plan nothing), so missing data is
      // no budget signal: MISSING skips a hold pass, and a controller that publishes nothing at
      // all leaves these alarms in INSUFFICIENT_DATA, not OK (heartbeat-missing and
      // degraded-control page for it). Minimum: every pass in the 5 minutes reached the level.
      alarm(
          "budget-90",
          "For 15 minutes every plan has spent at least 90% of the budget cap (budget.maxHourlyUsd"
              + " or maxDailyUsd / 24). At 100% scale-ups are cut: raise the cap or set an override"
              + " if the load is real.",
          ControllerMetrics.controller(BUDGET_ALERT_LEVEL, "Minimum", Duration.minutes(5)),
          new Rule(90, AT_LEAST, 3, TreatMissingData.MISSING));
      alarm(
          "budget-100",
          "For 5 minutes every plan has reached the budget cap: scale-ups are being cut (the"
              + " reason names the cap) and capacity may fall short of demand. Raise the cap or"
              + " set an override.",
          ControllerMetrics.controller(BUDGET_ALERT_LEVEL, "Minimum", Duration.minutes(5)),
          new Rule(100, AT_LEAST, 1, TreatMissingData.MISSING));
    }
    // Every pass publishes it; units billed with no owner cost money every hour, so 15 minutes
    // (three 5-minute periods, each with an orphan seen) is enough to page. Any dimension.
    alarm(
        "orphaned-units",
        "Provisioned throughput tagged managed-by=capacityctl is billed with no live configuration"
            + " claiming it for 15 minutes (a removed model, a renamed configuration or a changed"
            + " ptNamePrefix). `capacityctl status` lists them; declare aws.adoptFrom to adopt a"
            + " renamed configuration's fleet, or delete the PTs.",
        ControllerMetrics.anyDimensions(ORPHANED_UNITS, "MAX", Duration.minutes(5)),
        new Rule(0, ABOVE, 3, TreatMissingData.NOT_BREACHING));
    commitmentPurchases(config);
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

  /**
   * A commitment purchase cannot be deleted for one or six months, and no IAM condition key sees
   * {@code commitmentDuration} (docs/deploy.md): whoever makes one in this account, the topic hears
   * of it at once, from CloudTrail (which needs a trail logging management events).
   */
  private void commitmentPurchases(CapacityConfig config) {
    software.amazon.awscdk.services.events.Rule rule =
        software.amazon.awscdk.services.events.Rule.Builder.create(this, "commitment-purchase")
            .ruleName(prefix + "commitment-purchase")
            .description(
                "A Bedrock provisioned throughput was bought with a commitment term (undeletable"
                    + " until it ends)")
            .eventPattern(
                EventPattern.builder()
                    .source(List.of("aws.bedrock"))
                    .detailType(List.of("AWS API Call via CloudTrail"))
                    .detail(
                        Map.of(
                            "eventSource",
                            List.of("bedrock.amazonaws.com"),
                            "eventName",
                            List.of("CreateProvisionedModelThroughput"),
                            "requestParameters",
                            Map.of("commitmentDuration", List.of(Map.of("exists", true)))))
                    .build())
            .build();
    rule.addTarget(
        new SnsTopic(
            topic,
            SnsTopicProps.builder()
                .message(
                    RuleTargetInput.fromText(
                        "capacityctl "
                            + config.name()
                            + ": a provisioned throughput was bought with commitment "
                            + EventField.fromPath("$.detail.requestParameters.commitmentDuration")
                            + " by "
                            + EventField.fromPath("$.detail.userIdentity.arn")
                            + " (it cannot be deleted before its term ends)"))
                .build()));
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
            .datapointsToAlarm(rule.breaching())
            .treatMissingData(rule.missingData())
            .build();
    alarm.addAlarmAction(new SnsAction(topic));
    alarm.addOkAction(new SnsAction(topic));
  }
}
