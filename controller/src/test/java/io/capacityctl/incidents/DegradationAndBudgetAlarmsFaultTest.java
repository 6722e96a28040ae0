package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix rows for the degradation and budget alarms: the levels the passes publish, read the
 * way the CDK stack's alarms read them (infra-cdk {@code ControllerAlarms}): {@code
 * degraded-control} fires when DegradationLevel is 2 or more in 10 of 15 one-minute periods; {@code
 * budget-90} / {@code budget-100} when BudgetAlertLevel is at least 90 / 100 on every pass for 15 /
 * 5 minutes.
 */
class DegradationAndBudgetAlarmsFaultTest {
  private static final String LIST = AwsAction.BEDROCK_LIST_PTS.iamAction();
  private static final String CREATE = AwsAction.BEDROCK_CREATE_PT.iamAction();
  private static final String DELETE = AwsAction.BEDROCK_DELETE_PT.iamAction();
  private static final int WARM = 200;

  /** 7000 tps warmed up over 200 minutes, then {@code after} tps. */
  private static Drill drill(TestConfig config, double after) {
    return new Drill(
            config.build(), Drill.trace(WARM + 120, "sonnet", m -> m < WARM ? 7000 : after))
        .warmUp(WARM);
  }

  /** Steps {@code minutes} minutes; the value of {@code metric} each pass published. */
  private static List<Double> published(Drill d, String metric, int minutes) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      int flushes = d.account.telemetry().flushes();
      d.step();
      assertThat(d.account.telemetry().flushes()).as("a pass published").isGreaterThan(flushes);
      values.add(d.account.telemetry().latest(metric, Map.of()).orElse(Double.NaN));
    }
    return values;
  }

  /** Some 15 consecutive minutes hold 10 at level 2 or more. */
  private static boolean degradedControlFires(List<Double> levels) {
    for (int end = 15; end <= levels.size(); end++) {
      if (levels.subList(end - 15, end).stream().filter(l -> l >= 2).count() >= 10) {
        return true;
      }
    }
    return false;
  }

  /** Some {@code minutes} consecutive passes all published at least {@code level}. */
  private static boolean everyPassFor(List<Double> levels, double level, int minutes) {
    int run = 0;
    for (double l : levels) {
      run = l >= level ? run + 1 : 0;
      if (run >= minutes) {
        return true;
      }
    }
    return false;
  }

  private static void throttleBedrock(Drill d, boolean on) {
    for (String action : List.of(LIST, CREATE, DELETE)) {
      if (on) {
        d.account.cloud().bedrock().faults().failAlways(action, Kind.THROTTLING);
      } else {
        d.account.cloud().bedrock().faults().clear(action);
      }
    }
  }

  @Test
  void bedrockThrottledForTwentyMinutesHoldsMostPassesAndFiresDegradedControl() {
    Drill d = drill(TestConfig.sonnet(8).ecs(), 7000);
    throttleBedrock(d, true);

    List<Double> levels = published(d, "DegradationLevel", 20);

    // The circuit opens after 3 failing passes and re-opens at each failed half-open pass.
    assertThat(levels).contains(2.0);
    assertThat(degradedControlFires(levels)).as(levels.toString()).isTrue();
  }

  @Test
  void aFiveMinuteThrottlingBurstStaysUnderDegradedControl() {
    Drill d = drill(TestConfig.sonnet(8).ecs(), 7000);
    throttleBedrock(d, true);
    List<Double> levels = new ArrayList<>(published(d, "DegradationLevel", 5));
    throttleBedrock(d, false);

    levels.addAll(published(d, "DegradationLevel", 15));

    assertThat(levels).contains(2.0);
    assertThat(degradedControlFires(levels)).as(levels.toString()).isFalse();
  }

  @Test
  void accessDeniedOnEveryPurchaseFiresDegradedControl() {
    Drill d = drill(TestConfig.sonnet(8).ecs(), 16_000);
    d.account.cloud().bedrock().faults().failAlways(CREATE, Kind.ACCESS_DENIED);

    List<Double> levels = published(d, "DegradationLevel", 20);

    // Level 3 (alarm) on every pass that wants to buy, from the escalation on.
    assertThat(levels).contains(3.0);
    assertThat(degradedControlFires(levels)).as(levels.toString()).isTrue();
  }

  @Test
  void aPlanCutToTheCapForFifteenMinutesFiresBudget90Only() {
    // 16000 tps want more than 12 units; 12 cost $92.40 of the $100 cap (no ECS in the spend).
    Drill d = drill(TestConfig.sonnet(8).budget("maxHourlyUsd", 100), 16_000);

    List<Double> levels = published(d, "BudgetAlertLevel", 30);

    assertThat(d.last().pass().plan().models().get("sonnet").targetUnits()).isEqualTo(12);
    assertThat(d.last().pass().plan().models().get("sonnet").reason())
        .contains("budget: cut to 12 units");
    assertThat(everyPassFor(levels, 90, 15)).as(levels.toString()).isTrue();
    assertThat(levels).doesNotContain(100.0);
  }

  @Test
  void anOverrideAboveTheCapFiresBudget100() {
    Drill d = drill(TestConfig.sonnet(8).budget("maxHourlyUsd", 50), 7000);
    Instant now = d.account.clock().instant();
    // Only an override buys above the cap: 8 units are $61.60 of $50.
    d.account
        .state()
        .putOverride(
            new CapacityOverride(
                "sonnet", 8, false, now, now.plus(Duration.ofHours(1)), "launch", "ops"));

    List<Double> levels = published(d, "BudgetAlertLevel", 10);

    assertThat(everyPassFor(levels, 100, 5)).as(levels.toString()).isTrue();
  }
}
