package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard shows what an on-call engineer needs for each model and the ECS service. */
class DashboardTest {

  @Test
  void showsThroughputWasteUnitsTasksThrottlesAndActions() {
    Map<String, Map<String, Object>> dashboards =
        Synthesized.resourcesOf(Synthesized.lambda(), "AWS::CloudWatch::Dashboard");

    assertThat(dashboards).hasSize(1);
    Map<String, Object> dashboard = dashboards.values().iterator().next();
    assertThat(dashboard.get("DashboardName")).isEqualTo("capacityctl-mangaassist");
    // The body is a JSON string joined around tokens (region, log group): read it as text.
    String body = Synthesized.pretty(dashboard.get("DashboardBody"));
    for (String model : new String[] {"sonnet", "haiku"}) {
      assertThat(body)
          .contains(model + ": observed vs provisioned tokens/s")
          .contains(model + ": target vs in-service units");
    }
    assertThat(body)
        .contains("\\\"ObservedTps\\\"", "\\\"ProvisionedTps\\\"", "\\\"WasteRatio\\\"")
        .contains("\\\"EcsDesired\\\"", "\\\"EcsRunning\\\"")
        .contains("\\\"InvocationThrottles\\\"", "anthropic.claude-3-sonnet-20240229-v1:0")
        .contains("\\\"DegradationLevel\\\"", "\\\"BudgetAlertLevel\\\"")
        .contains("Actions: purchases, drains, deletions, ECS changes, overrides")
        .contains("create-pt|drain-pt|delete-pt|set-ecs");
  }

  @Test
  void aConfigurationWithoutEcsHasNoEcsWidget() {
    String body =
        Synthesized.pretty(
            Synthesized.resourcesOf(Synthesized.fileConfig(), "AWS::CloudWatch::Dashboard")
                .values()
                .iterator()
                .next()
                .get("DashboardBody"));

    assertThat(body)
        .contains("llama: observed vs provisioned tokens/s")
        .contains("\\\"DegradationLevel\\\"")
        .doesNotContain("EcsDesired")
        .doesNotContain("BudgetAlertLevel"); // published only with a budget cap
  }
}
