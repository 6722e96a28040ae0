package io.capacityctl.infra.monitoring;

import static io.capacityctl.infra.monitoring.ControllerMetrics.BUDGET_ALERT_LEVEL;
import static io.capacityctl.infra.monitoring.ControllerMetrics.CAPACITY_MISMATCH;
import static io.capacityctl.infra.monitoring.ControllerMetrics.DEGRADATION_LEVEL;
import static io.capacityctl.infra.monitoring.ControllerMetrics.ECS_DESIRED;
import static io.capacityctl.infra.monitoring.ControllerMetrics.ECS_RUNNING;
import static io.capacityctl.infra.monitoring.ControllerMetrics.HEARTBEAT;
import static io.capacityctl.infra.monitoring.ControllerMetrics.IN_SERVICE_UNITS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.OBSERVED_TPS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.PROVISIONED_TPS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.QUOTA_EXCEEDED;
import static io.capacityctl.infra.monitoring.ControllerMetrics.RECONCILE_ERRORS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.TARGET_UNITS;
import static io.capacityctl.infra.monitoring.ControllerMetrics.WASTE_RATIO;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.YAxisProps;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard per configuration: observed vs provisioned throughput per model, waste,
 * units, ECS tasks, Bedrock throttles, the controller's health, its degradation and budget levels
 * and the actions it took.
 */
public final class ControllerDashboard extends Construct {
  private static final Duration MINUTE = Duration.minutes(1);
  private static final int HALF = 12;
  private static final int FULL = 24;

  /**
   * @param logs the controller's log group (both modes write there)
   */
  public record Props(CapacityConfig config, ILogGroup logs) {}

  public ControllerDashboard(Construct scope, String id, Props props) {
    super(scope, id);
    CapacityConfig config = props.config();
    Dashboard dashboard =
        Dashboard.Builder.create(this, "Dashboard")
            .dashboardName("capacityctl-" + config.name())
            .defaultInterval(Duration.days(1))
            .build();
    List<IWidget> widgets = new ArrayList<>();
    List<IMetric> waste = new ArrayList<>();
    List<IMetric> throttles = new ArrayList<>();
    for (ModelConfig m : config.models().values()) {
      widgets.add(
          graph(
              m.key() + ": observed vs provisioned tokens/s",
              HALF,
              List.of(
                  label(
                      ControllerMetrics.model(OBSERVED_TPS, m.key(), "Average", MINUTE),
                      "observed"),
                  label(
                      ControllerMetrics.model(PROVISIONED_TPS, m.key(), "Average", MINUTE),
                      "provisioned"))));
      widgets.add(
          graph(
              m.key() + ": target vs in-service units",
              HALF,
              List.of(
                  label(
                      ControllerMetrics.model(TARGET_UNITS, m.key(), "Maximum", MINUTE), "target"),
                  label(
                      ControllerMetrics.model(IN_SERVICE_UNITS, m.key(), "Maximum", MINUTE),
                      "in service"))));
      waste.add(
          label(
              ControllerMetrics.model(WASTE_RATIO, m.key(), "Average", Duration.minutes(5)),
              m.key()));
      throttles.add(label(ControllerMetrics.bedrockThrottles(m, MINUTE), m.key()));
    }
    widgets.add(
        GraphWidget.Builder.create()
            .title("Waste ratio (alarm above 0.5 for 2 hours)")
            .width(HALF)
            .left(waste)
            .leftYAxis(YAxisProps.builder().min(0).max(1).showUnits(false).build())
            .leftAnnotations(List.of(HorizontalAnnotation.builder().value(0.5).build()))
            .build());
    widgets.add(graph("Bedrock throttles (on-demand spill)", HALF, throttles));
    if (config.ecsConfig().isPresent()) {
      widgets.add(
          graph(
              "ECS tasks: desired vs running",
              HALF,
              List.of(
                  label(ControllerMetrics.controller(ECS_DESIRED, "Maximum", MINUTE), "desired"),
                  label(ControllerMetrics.controller(ECS_RUNNING, "Maximum", MINUTE), "running"))));
    }
    widgets.add(
        graph(
            "Controller: heartbeats, errors, shortfall, quota",
            HALF,
            List.of(
                label(ControllerMetrics.controller(HEARTBEAT, "Sum", MINUTE), "heartbeats"),
                label(ControllerMetrics.controller(RECONCILE_ERRORS, "Sum", MINUTE), "errors"),
                label(
                    ControllerMetrics.controller(CAPACITY_MISMATCH, "Maximum", MINUTE),
                    "models short of plan"),
                ControllerMetrics.anyDimensions(QUOTA_EXCEEDED, "SUM", MINUTE))));
    widgets.add(control(config));
    widgets.add(
        LogQueryWidget.Builder.create()
            .title("Actions: purchases, drains, deletions, ECS changes, overrides")
            .width(FULL)
            .height(8)
            .logGroupNames(List.of(props.logs().getLogGroupName()))
            .queryLines(
                List.of(
                    "fields @timestamp, @message",
                    "filter @message like /create-pt|drain-pt|delete-pt|set-ecs|set ECS"
                        + " tasks|override/",
                    "sort @timestamp desc",
                    "limit 100"))
            .build());
    // Two widgets per row.
    for (int i = 0; i < widgets.size(); i += 2) {
      dashboard.addWidgets(
          widgets.subList(i, Math.min(i + 2, widgets.size())).toArray(IWidget[]::new));
    }
  }

  /** The degradation ladder and, with a budget cap, the budget alert level, at their alarms. */
  private static GraphWidget control(CapacityConfig config) {
    GraphWidget.Builder widget =
        GraphWidget.Builder.create()
            .title(
                "Control: degradation level (alarm at 2), budget alert level (alarms at 90, 100)")
            .width(HALF)
            .left(
                List.of(
                    label(
                        ControllerMetrics.controller(DEGRADATION_LEVEL, "Maximum", MINUTE),
                        "degradation: 0 full, 1 schedule-only, 2 hold, 3 alarm")))
            .leftYAxis(YAxisProps.builder().min(0).max(3).showUnits(false).build())
            .leftAnnotations(List.of(HorizontalAnnotation.builder().value(2).build()));
    if (config.budget().hourlyCapUsd() > 0) {
      widget
          .right(
              List.of(
                  label(
                      ControllerMetrics.controller(BUDGET_ALERT_LEVEL, "Maximum", MINUTE),
                      "budget alert level (% of cap reached)")))
          .rightYAxis(YAxisProps.builder().min(0).max(100).showUnits(false).build())
          .rightAnnotations(
              List.of(
                  HorizontalAnnotation.builder().value(90).build(),
                  HorizontalAnnotation.builder().value(100).build()));
    }
    return widget.build();
  }

  private static IMetric label(Metric metric, String label) {
    return metric.with(MetricOptions.builder().label(label).build());
  }

  private static GraphWidget graph(String title, int width, List<IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).width(width).left(metrics).build();
  }
}
